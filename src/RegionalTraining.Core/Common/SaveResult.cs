namespace RegionalTraining.Core.Common;

public enum SaveStatus
{
    Saved,
    NotFound,
    Conflict,
    Invalid,
}

/// <summary>The outcome of an edit: controllers turn it into a page, a 404 or a localized message.</summary>
/// <param name="Errors">Field name → resource key of the message, for <see cref="SaveStatus.Invalid"/>.</param>
public sealed record SaveResult(SaveStatus Status, int? Id = null, IReadOnlyDictionary<string, string>? Errors = null)
{
    public static SaveResult Saved(int id) => new(SaveStatus.Saved, id);

    public static readonly SaveResult NotFound = new(SaveStatus.NotFound);

    public static readonly SaveResult Conflict = new(SaveStatus.Conflict);

    public static SaveResult Invalid(IReadOnlyDictionary<string, string> errors) => new(SaveStatus.Invalid, null, errors);
}
