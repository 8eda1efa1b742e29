using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Core.NeedsAndConstraints;

/// <summary>Names a register item: its kind (which table) and its id.</summary>
public readonly record struct RegisterItemKey(ItemType Type, int Id);

public enum RegisterSort
{
    Newest = 1,
    Oldest = 2,
    DueDate = 3,
    Establishment = 4,
    Status = 5,
}

/// <summary>
/// The register's filters, as the address carries them. <paramref name="DirectorateId"/> is the one the scope allows
/// (null: every directorate, administrators only); <paramref name="MinAgeDays"/> keeps items raised at least that long ago.
/// </summary>
public sealed record RegisterFilter(
    int? DirectorateId, ItemType? Kind = null, NeedCategory? Category = null, Priority? Priority = null, Severity? Severity = null,
    FollowUpStatus? Status = null, int? Province = null, EstablishmentType? Type = null, int? Establishment = null, ItemOwner? Owner = null,
    bool Overdue = false, int? MinAgeDays = null, RegisterSort Sort = RegisterSort.Newest, int Page = 1, int PageSize = 50)
{
    /// <summary>Only items escalated to the national office (the national register's filter).</summary>
    public bool Escalated { get; init; }
}

/// <summary>One line of the register.</summary>
public sealed record RegisterRow(
    ItemType Type, int Id, int EstablishmentId, string EstablishmentFr, string EstablishmentAr, string ProvinceFr, string ProvinceAr,
    NeedCategory Category, Priority? Priority, Severity? Severity, string Description, FollowUpStatus Status, ItemOwner? Owner,
    DateOnly? DueOn, DateOnly RaisedOn, bool Overdue, int AgeDays, decimal? EstimatedCostMad)
{
    public RegisterItemKey Key => new(Type, Id);

    /// <summary>The day it was escalated to the national office, if it was.</summary>
    public DateOnly? EscalatedOn { get; init; }
}

/// <summary>A line of an item's history; <paramref name="EvidenceName"/> names the photo or document given with a resolution.</summary>
public sealed record FollowUpHistoryLine(int Id, DateTime AtUtc, string UserName, FollowUpEventKind Kind, FollowUpStatus Status, string? Text, string? EvidenceName, string? EvidenceContentType)
{
    public bool EvidenceIsPhoto => EvidenceContentType is { } type && Meetings.AttachmentRules.ServedInline(type);

    /// <summary>The line's values, shown in the reader's language; null on a line written before they were kept (its text says it all).</summary>
    public FollowUpFacts? Facts { get; init; }
}

/// <summary>A photo or document sent with a resolution, not yet checked.</summary>
public sealed record EvidenceUpload(Stream Content, string FileName);

public sealed record LinkedDecision(int DecisionId, int MeetingId, string MeetingTitleFr, string MeetingTitleAr, DateOnly MeetingDate, Bilingual Text, DecisionStatus Status, DateOnly? DueOn);

/// <summary>An item's page: what it is, where it stands, the sheets that showed it, its history and the decisions that answer it.</summary>
public sealed record RegisterItemView(
    RegisterRow Row, int? Quantity, string? EffectOnTraining, string? ProposedSolution, string? Plan, string? Outcome, DateOnly? OutcomeOn,
    DateOnly? DeferredUntil, IReadOnlyList<string> Sheets, IReadOnlyList<FollowUpHistoryLine> History, IReadOnlyList<LinkedDecision> Decisions,
    IReadOnlyList<FollowUpAction> Available);

/// <summary>An item the directorate raises itself (at a meeting, on a visit), outside any sheet.</summary>
public sealed record RaiseItemInput(ItemType Type, int EstablishmentId, NeedCategory Category, string? Description, Priority Priority, Severity Severity);

/// <summary>
/// Open items of one kind and category: raised by several establishments, or shown on several yearly sheets of the
/// same one. The directorate answers such a group once.
/// </summary>
public sealed record RecurringGroup(ItemType Type, NeedCategory Category, int Establishments, int Items, int YearAfterYear);

/// <summary>Owner, due date and plan given to several items at once.</summary>
public sealed record BulkAssignInput(IReadOnlyList<RegisterItemKey> Items, ItemOwner? Owner, DateOnly? DueOn, string? Plan);
