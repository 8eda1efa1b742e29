namespace RegionalTraining.Core.Common;

/// <summary>
/// The longest text each kind of field may hold, declared once: the EF configurations size their columns with
/// these and the web forms refuse longer input with the same numbers, so a form never accepts what the database
/// would truncate or refuse (SQL Server) or silently store (SQLite, which has no length limits).
/// </summary>
public static class FieldLengths
{
    public const int Code = 32;

    /// <summary>Names of establishments, provinces, programmes, equipment, partners.</summary>
    public const int Name = 200;

    /// <summary>A person's name or role as typed (chair, speaker, representative, account holder).</summary>
    public const int PersonName = 200;

    public const int Town = 100;

    public const int Address = 300;

    /// <summary>Titles of meetings and agenda items, a venue written out, an attachment's caption.</summary>
    public const int Title = 300;

    public const int Phone = 32;

    /// <summary>RFC 5321 allows 254 characters in a forward path; Identity's own columns hold 256.</summary>
    public const int Email = 256;

    /// <summary>Free text of a paragraph or two: decisions, notes, needs, constraints, review comments.</summary>
    public const int Text = 2000;

    public const int InterventionSummary = 4000;

    /// <summary>An agenda item's description, written by the portal (the follow-up of the previous meeting lists decisions and items).</summary>
    public const int AgendaDescription = 4000;

    public const int Reason = 1000;

    /// <summary>
    /// Minutes of a meeting, per language (Markdown). About 40 printed pages: far beyond real minutes (the
    /// founding meeting's are under 10,000 characters), while keeping each saved revision, which copies both
    /// languages, under half a megabyte.
    /// </summary>
    public const int Minutes = 100_000;

    /// <summary>A press statement is a page at most; ten are allowed.</summary>
    public const int PressStatement = 10_000;
}
