using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.Attachments;
using RegionalTraining.Core.Notifications;

namespace RegionalTraining.Core.NeedsAndConstraints;

/// <summary>
/// The register of needs and constraints: the directorate's list, an item's page, and every move of an item's
/// follow-up, each checked against the <see cref="AccessScope"/>, written to the item's history and told to the
/// establishment's directors.
/// </summary>
public interface IFollowUpService
{
    /// <summary>The items the filter names, sorted and paged; null when the scope may not read the directorate.</summary>
    Task<Result<PagedResult<RegisterRow>>> SearchAsync(AccessScope scope, RegisterFilter filter, CancellationToken cancellationToken = default);

    /// <summary>An establishment's items, newest first (its page, its director's list).</summary>
    Task<Result<IReadOnlyList<RegisterRow>>> OfEstablishmentAsync(AccessScope scope, int establishmentId, CancellationToken cancellationToken = default);

    Task<Result<RegisterItemView>> GetAsync(AccessScope scope, RegisterItemKey key, CancellationToken cancellationToken = default);

    /// <summary>Takes a step; a resolution may carry a photo or document (checked like meeting attachments, kept on its history line).</summary>
    Task<Result> ActAsync(AccessScope scope, RegisterItemKey key, FollowUpCommand command, CancellationToken cancellationToken = default);

    /// <summary>The evidence of a history line of the item, when the caller may read the item; null otherwise (a 404, whatever the reason).</summary>
    Task<AttachmentFile?> EvidenceAsync(AccessScope scope, RegisterItemKey key, int entryId, CancellationToken cancellationToken = default);

    /// <summary>Assigns owner, due date and plan to each item; all or nothing. The value is the number of items.</summary>
    Task<Result<int>> BulkAssignAsync(AccessScope scope, BulkAssignInput input, CancellationToken cancellationToken = default);

    Task<Result<RegisterItemKey>> RaiseAsync(AccessScope scope, RaiseItemInput input, CancellationToken cancellationToken = default);

    /// <summary>The recurring groups of open items of the directorate (every directorate for null, administrators only), largest first.</summary>
    Task<IReadOnlyList<RecurringGroup>> RecurringAsync(AccessScope scope, int? directorateId, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class FollowUpService(
    AppDbContext db, ICurrentUser currentUser, LocalCalendar calendar, INotificationService notifications, ILogger<FollowUpService> logger, IAttachmentStore? store = null)
    : IFollowUpService
{
    private const int MaximumPageSize = 200;

    public async Task<Result<PagedResult<RegisterRow>>> SearchAsync(AccessScope scope, RegisterFilter filter, CancellationToken cancellationToken = default)
    {
        if (!scope.Has(Capability.DirectorateWork) || (filter.DirectorateId is { } d && !scope.CanReadDirectorate(d)) || (filter.DirectorateId is null && !scope.IsAdministrator))
        {
            return Result.NotFound().With<PagedResult<RegisterRow>>();
        }

        // Sorted and paged by the database over both tables at once: two commands (count, page) whatever the register's size.
        var rows = Rows(filter);
        var total = await rows.CountAsync(cancellationToken);
        var size = Math.Clamp(filter.PageSize, 1, MaximumPageSize);
        var page = PagedResult<RegisterRow>.ClampPage(filter.Page, total, size);
        var items = await Sorted(rows, filter.Sort).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return Result.Success(new PagedResult<RegisterRow>(items.Select(ToRow).ToList(), page, size, total));
    }

    public async Task<Result<IReadOnlyList<RegisterRow>>> OfEstablishmentAsync(AccessScope scope, int establishmentId, CancellationToken cancellationToken = default)
    {
        var owner = await EstablishmentRefAsync(establishmentId, cancellationToken);
        if (owner is null)
        {
            return Result.NotFound().With<IReadOnlyList<RegisterRow>>();
        }

        if (!scope.Can(AccessOperation.Read, owner.Value))
        {
            return Result.Forbidden().With<IReadOnlyList<RegisterRow>>();
        }

        var rows = await Sorted(Rows(new RegisterFilter(null, Establishment: establishmentId)), RegisterSort.Newest).ToListAsync(cancellationToken);
        return Result.Success<IReadOnlyList<RegisterRow>>(rows.Select(ToRow).ToList());
    }

    public async Task<Result<RegisterItemView>> GetAsync(AccessScope scope, RegisterItemKey key, CancellationToken cancellationToken = default)
    {
        var owner = await ItemRefAsync(key, cancellationToken);
        if (owner is null)
        {
            return Result.NotFound().With<RegisterItemView>();
        }

        if (!scope.Can(AccessOperation.Read, owner.Value))
        {
            return Result.Forbidden().With<RegisterItemView>();
        }

        var row = ToRow(await Rows(new RegisterFilter(null, Kind: key.Type, Establishment: owner.Value.EstablishmentId), key.Id).SingleAsync(cancellationToken));
        var history = await db.FollowUpEntries.AsNoTracking()
            .Where(e => key.Type == ItemType.Need ? e.NeedId == key.Id : e.ConstraintId == key.Id)
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new { Line = new FollowUpHistoryLine(e.Id, e.AtUtc, e.UserName, e.Kind, e.Status, e.Text, e.EvidenceName, e.EvidenceContentType), e.Facts })
            .ToListAsync(cancellationToken);
        var decisions = await db.Decisions.AsNoTracking()
            .Where(d => key.Type == ItemType.Need ? d.Needs.Any(n => n.Id == key.Id) : d.Constraints.Any(c => c.Id == key.Id))
            .OrderBy(d => d.Meeting!.StartsOn).ThenBy(d => d.Id)
            .Select(d => new LinkedDecision(d.Id, d.MeetingId, d.Meeting!.TitleFr, d.Meeting.TitleAr, d.Meeting.StartsOn, new Bilingual(d.TextFr, d.TextAr), d.Status, d.DueOn))
            .ToListAsync(cancellationToken);
        var available = FollowUpLifecycle.Available(scope, row.Status, owner.Value, row.EscalatedOn is not null);
        if (key.Type == ItemType.Need)
        {
            var n = await db.Needs.AsNoTracking().Where(x => x.Id == key.Id)
                .Select(x => new { x.Quantity, x.Plan, x.Outcome, x.OutcomeOn, x.DeferredUntil, Sheets = x.Sheets.OrderBy(s => s.TrainingYear!.StartYear).Select(s => s.TrainingYear!.StartYear).ToList() })
                .SingleAsync(cancellationToken);
            return Result.Success(new RegisterItemView(row, n.Quantity, null, null, n.Plan, n.Outcome, n.OutcomeOn, n.DeferredUntil,
                n.Sheets.Select(Organisation.TrainingYear.FormatLabel).ToList(), Lines(history.Select(h => (h.Line, h.Facts))), decisions, available));
        }

        var c = await db.Constraints.AsNoTracking().Where(x => x.Id == key.Id)
            .Select(x => new { x.EffectOnTraining, x.ProposedSolution, x.Plan, x.Outcome, x.OutcomeOn, x.DeferredUntil, Sheets = x.Sheets.OrderBy(s => s.TrainingYear!.StartYear).Select(s => s.TrainingYear!.StartYear).ToList() })
            .SingleAsync(cancellationToken);
        return Result.Success(new RegisterItemView(row, null, c.EffectOnTraining, c.ProposedSolution, c.Plan, c.Outcome, c.OutcomeOn, c.DeferredUntil,
            c.Sheets.Select(Organisation.TrainingYear.FormatLabel).ToList(), Lines(history.Select(h => (h.Line, h.Facts))), decisions, available));
    }

    private static List<FollowUpHistoryLine> Lines(IEnumerable<(FollowUpHistoryLine Line, string? Facts)> stored) =>
        stored.Select(s => s.Line with { Facts = FollowUpFacts.FromJson(s.Facts) }).ToList();

    public async Task<Result> ActAsync(AccessScope scope, RegisterItemKey key, FollowUpCommand command, CancellationToken cancellationToken = default)
    {
        var owner = await ItemRefAsync(key, cancellationToken);
        if (owner is null)
        {
            return Result.NotFound();
        }

        if (!scope.Can(AccessOperation.Read, owner.Value) || !FollowUpLifecycle.MayAct(scope, command.Action, owner.Value))
        {
            return Result.Forbidden();
        }

        var item = await TrackedAsync(key, cancellationToken);
        var applied = FollowUpLifecycle.Apply(item, command, calendar.Today);
        if (!applied.Succeeded)
        {
            return applied;
        }

        var entry = Entry(item, applied.Value, Describe(command), Facts(command));
        if (command is { Action: FollowUpAction.Resolve, Evidence: { } evidence })
        {
            var attached = await AttachEvidenceAsync(entry, evidence, cancellationToken);
            if (!attached.Succeeded)
            {
                return attached;
            }
        }

        db.FollowUpEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{ItemType} {ItemId}: {FollowUpAction}, now {FollowUpStatus}", key.Type, key.Id, command.Action, item.Status);

        await NotifyDirectorsAsync(scope, [item], cancellationToken);
        return Result.Success();
    }

    public async Task<AttachmentFile?> EvidenceAsync(AccessScope scope, RegisterItemKey key, int entryId, CancellationToken cancellationToken = default)
    {
        var owner = await ItemRefAsync(key, cancellationToken);
        if (owner is null || !scope.Can(AccessOperation.Read, owner.Value))
        {
            return null;
        }

        return await db.FollowUpEntries.AsNoTracking()
            .Where(e => e.Id == entryId && e.EvidenceStoredName != null && (key.Type == ItemType.Need ? e.NeedId == key.Id : e.ConstraintId == key.Id))
            .Select(e => new AttachmentFile(e.EvidenceStoredName!, e.EvidenceContentType!, e.EvidenceName!))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Checks the file and stores it under a random name; the history line keeps its name and type.</summary>
    private async Task<Result> AttachEvidenceAsync(FollowUpEntry entry, EvidenceUpload evidence, CancellationToken cancellationToken)
    {
        var upload = await CheckedUpload.ReadAsync(evidence.Content, cancellationToken);
        if (upload.ContentType is not { } type || store is null)
        {
            return Result.Invalid(nameof(FollowUpCommand.Evidence), upload.Error ?? Messages.AttachmentWrongType);
        }

        entry.EvidenceStoredName = CheckedUpload.NewStoredName();
        entry.EvidenceName = AttachmentRules.NameFor(evidence.FileName, type);
        entry.EvidenceContentType = type;
        await store.SaveAsync(entry.EvidenceStoredName, upload.Content, cancellationToken);
        logger.LogInformation("Evidence of {Length} bytes ({ContentType}) given with a resolution", upload.Content.Length, type);
        return Result.Success();
    }

    public async Task<Result<int>> BulkAssignAsync(AccessScope scope, BulkAssignInput input, CancellationToken cancellationToken = default)
    {
        var keys = input.Items.Distinct().ToList();
        if (keys.Count == 0)
        {
            return Result.Invalid(FieldError.Form, Messages.ChooseItems).With<int>();
        }

        var items = new List<IRegisterItem>();
        var command = new FollowUpCommand(FollowUpAction.Assign, input.Owner, input.DueOn, input.Plan);
        foreach (var key in keys)
        {
            var owner = await ItemRefAsync(key, cancellationToken);
            if (owner is null)
            {
                return Result.NotFound().With<int>();
            }

            if (!FollowUpLifecycle.MayAct(scope, FollowUpAction.Assign, owner.Value))
            {
                return Result.Forbidden().With<int>();
            }

            var item = await TrackedAsync(key, cancellationToken);
            var applied = FollowUpLifecycle.Apply(item, command, calendar.Today);
            if (!applied.Succeeded)
            {
                // Nothing is saved: the tracked changes die with this request.
                return applied.With<int>();
            }

            db.FollowUpEntries.Add(Entry(item, applied.Value, Describe(command), Facts(command)));
            items.Add(item);
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{ItemCount} register items assigned to {ItemOwner}", items.Count, input.Owner);
        await NotifyDirectorsAsync(scope, items, cancellationToken);
        return Result.Success(items.Count);
    }

    public async Task<Result<RegisterItemKey>> RaiseAsync(AccessScope scope, RaiseItemInput input, CancellationToken cancellationToken = default)
    {
        var owner = await EstablishmentRefAsync(input.EstablishmentId, cancellationToken);
        if (owner is null)
        {
            return Result.Invalid(nameof(input.EstablishmentId), Messages.ChooseEstablishment).With<RegisterItemKey>();
        }

        if (!scope.Has(Capability.DirectorateWork) || !scope.CanReadDirectorate(owner.Value.DirectorateId))
        {
            return Result.Forbidden().With<RegisterItemKey>();
        }

        if (string.IsNullOrWhiteSpace(input.Description))
        {
            return Result.Invalid(nameof(input.Description), Messages.DescriptionRequired).With<RegisterItemKey>();
        }

        IRegisterItem item = input.Type == ItemType.Need
            ? db.Needs.Add(new Need { EstablishmentId = input.EstablishmentId, Category = input.Category, Description = input.Description.Trim(), Priority = input.Priority }).Entity
            : db.Constraints.Add(new Constraint { EstablishmentId = input.EstablishmentId, Category = input.Category, Description = input.Description.Trim(), Severity = input.Severity }).Entity;
        db.FollowUpEntries.Add(Entry(item, FollowUpEventKind.Raised, null, item is Need need ? FollowUpFacts.Of(need) : FollowUpFacts.Of((Constraint)item)));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{ItemType} {ItemId} raised by the directorate for establishment {EstablishmentId}", input.Type, item.Id, input.EstablishmentId);
        await NotifyDirectorsAsync(scope, [item], cancellationToken);
        return Result.Success(new RegisterItemKey(input.Type, item.Id));
    }

    public async Task<IReadOnlyList<RecurringGroup>> RecurringAsync(AccessScope scope, int? directorateId, CancellationToken cancellationToken = default)
    {
        if (!scope.Has(Capability.DirectorateWork) || (directorateId is { } d && !scope.CanReadDirectorate(d)) || (directorateId is null && !scope.IsAdministrator))
        {
            return [];
        }

        // One flat query per table, grouped here: an aggregate over a subquery (the count of sheets) is refused by SQL Server.
        var open = FollowUpLifecycle.Open;
        var needs = await db.Needs.AsNoTracking().Where(n => open.Contains(n.Status))
            .WhereIf(directorateId is not null, n => n.Establishment!.Province!.Region!.DirectorateId == directorateId)
            .Select(n => new { Type = ItemType.Need, n.Category, n.EstablishmentId, Sheets = n.Sheets.Count }).ToListAsync(cancellationToken);
        var constraints = await db.Constraints.AsNoTracking().Where(c => open.Contains(c.Status))
            .WhereIf(directorateId is not null, c => c.Establishment!.Province!.Region!.DirectorateId == directorateId)
            .Select(c => new { Type = ItemType.Constraint, c.Category, c.EstablishmentId, Sheets = c.Sheets.Count }).ToListAsync(cancellationToken);
        return needs.Concat(constraints).GroupBy(x => (x.Type, x.Category))
            .Select(g => new RecurringGroup(g.Key.Type, g.Key.Category, g.Select(x => x.EstablishmentId).Distinct().Count(), g.Count(), g.Count(x => x.Sheets > 1)))
            .Where(g => g.Establishments > 1 || g.YearAfterYear > 0)
            .OrderByDescending(g => g.Establishments).ThenByDescending(g => g.Items).ToList();
    }

    /// <summary>A history line for the item, signed by the current user.</summary>
    internal static FollowUpEntry Entry(IRegisterItem item, FollowUpEventKind kind, string? text, ICurrentUser user, DateTime atUtc, FollowUpFacts? facts = null) => new()
    {
        Need = item as Need, Constraint = item as Constraint, AtUtc = atUtc, UserId = user.UserId, UserName = Truncate(user.Name, FieldLengths.PersonName)!,
        Kind = kind, Status = item.Status, Text = Truncate(text, FieldLengths.Text), Facts = facts?.ToJson(),
    };

    private FollowUpEntry Entry(IRegisterItem item, FollowUpEventKind kind, string? text, FollowUpFacts? facts) => Entry(item, kind, text, currentUser, calendar.UtcNow, facts);

    private static string? Truncate(string? text, int length) => text is not null && text.Length > length ? text[..(length - 1)] + "…" : text;

    /// <summary>What the history keeps of a step in the person's own words: the plan, or the text given.</summary>
    internal static string? Describe(FollowUpCommand c)
    {
        var words = c.Action == FollowUpAction.Assign ? c.Plan : c.Text;
        return string.IsNullOrWhiteSpace(words) ? null : words.Trim();
    }

    /// <summary>The values of a step (owner and due date, the day of a resolution or a deferral), rendered in the reader's language.</summary>
    internal static FollowUpFacts? Facts(FollowUpCommand c) => c.Action switch
    {
        FollowUpAction.Assign => new FollowUpFacts { Owner = c.Owner, DueOn = c.DueOn },
        FollowUpAction.Resolve or FollowUpAction.Defer when c.On is not null => new FollowUpFacts { On = c.On },
        _ => null,
    };

    /// <summary>The establishment's directors hear of every change someone else makes to their items (in-app and e-mail).</summary>
    private Task NotifyDirectorsAsync(AccessScope scope, IReadOnlyList<IRegisterItem> items, CancellationToken cancellationToken) =>
        NotifyDirectorsAsync(db, notifications, scope, items, cancellationToken);

    /// <summary>The one way an item's change reaches its directors; the cooperation board's links use it too.</summary>
    internal static async Task NotifyDirectorsAsync(
        AppDbContext db, INotificationService notifications, AccessScope scope, IReadOnlyList<IRegisterItem> items, CancellationToken cancellationToken)
    {
        foreach (var group in items.GroupBy(i => i.EstablishmentId))
        {
            var directors = await db.UserEstablishments.AsNoTracking().Where(u => u.EstablishmentId == group.Key && u.UserId != scope.UserId)
                .Select(u => u.UserId).ToListAsync(cancellationToken);
            var name = await db.Establishments.AsNoTracking().Where(e => e.Id == group.Key).Select(e => e.NameFr).SingleAsync(cancellationToken);
            foreach (var item in group)
            {
                var type = item is Need ? ItemType.Need : ItemType.Constraint;
                await notifications.NotifyAsync(directors, Messages.ItemChangedNotice, [name, item.Description], $"/Register/{type}/{item.Id}", cancellationToken);
            }
        }
    }

    private async Task<IRegisterItem> TrackedAsync(RegisterItemKey key, CancellationToken cancellationToken) => key.Type == ItemType.Need
        ? await db.Needs.SingleAsync(n => n.Id == key.Id, cancellationToken)
        : await db.Constraints.SingleAsync(c => c.Id == key.Id, cancellationToken);

    private Task<EstablishmentRef?> ItemRefAsync(RegisterItemKey key, CancellationToken cancellationToken) => key.Type switch
    {
        ItemType.Need => db.Needs.AsNoTracking().Where(n => n.Id == key.Id)
            .Select(n => (EstablishmentRef?)new EstablishmentRef(n.EstablishmentId, n.Establishment!.Province!.Region!.DirectorateId)).SingleOrDefaultAsync(cancellationToken),
        ItemType.Constraint => db.Constraints.AsNoTracking().Where(c => c.Id == key.Id)
            .Select(c => (EstablishmentRef?)new EstablishmentRef(c.EstablishmentId, c.Establishment!.Province!.Region!.DirectorateId)).SingleOrDefaultAsync(cancellationToken),
        _ => Task.FromResult<EstablishmentRef?>(null),
    };

    private Task<EstablishmentRef?> EstablishmentRefAsync(int establishmentId, CancellationToken cancellationToken) =>
        db.Establishments.AsNoTracking().Where(e => e.Id == establishmentId)
            .Select(e => (EstablishmentRef?)new EstablishmentRef(e.Id, e.Province!.Region!.DirectorateId)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The filtered items of both tables as one query (a UNION ALL), so that counting, sorting and paging happen in the
    /// database; <see cref="ToRow"/> adds what is computed from today. A need's priority and a constraint's severity
    /// travel as one number (<see cref="RegisterRowData.Rank"/>), a column of the same type in both halves: a null
    /// constant of an enum stored as text on one half is given the wrong type by EF Core (dotnet/efcore#33770), so
    /// SQLite read every severity as 0 and SQL Server would fail to convert the text.
    /// </summary>
    private IQueryable<RegisterRowData> Rows(RegisterFilter f, int? onlyId = null)
    {
        var today = calendar.Today;
        // "Raised at least n days ago" counts Morocco's calendar days, as the row's age and raised day do.
        var raisedBefore = f.MinAgeDays is { } days ? calendar.StartOfDayUtc(today.AddDays(1 - days)) : (DateTime?)null;
        var needs = Filter(db.Needs.AsNoTracking(), f, today, raisedBefore)
            .Where(n => f.Kind != ItemType.Constraint && f.Severity == null)
            .WhereIf(onlyId is not null, n => n.Id == onlyId)
            .WhereIf(f.Priority is not null, n => n.Priority == f.Priority)
            .Select(n => new RegisterRowData
            {
                Type = ItemType.Need, Id = n.Id, EstablishmentId = n.EstablishmentId, EstablishmentFr = n.Establishment!.NameFr, EstablishmentAr = n.Establishment.NameAr,
                ProvinceFr = n.Establishment.Province!.NameFr, ProvinceAr = n.Establishment.Province.NameAr, Category = n.Category,
                Rank = n.Priority == Priority.Low ? 1 : n.Priority == Priority.Medium ? 2 : n.Priority == Priority.High ? 3 : n.Priority == Priority.Urgent ? 4 : 0,
                Description = n.Description, Status = n.Status, Owner = n.Owner, DueOn = n.DueOn, CreatedAtUtc = n.CreatedAtUtc,
                EstimatedCostMad = n.EstimatedCostMad, EscalatedOn = n.EscalatedOn,
            });
        var constraints = Filter(db.Constraints.AsNoTracking(), f, today, raisedBefore)
            .Where(c => f.Kind != ItemType.Need && f.Priority == null)
            .WhereIf(onlyId is not null, c => c.Id == onlyId)
            .WhereIf(f.Severity is not null, c => c.Severity == f.Severity)
            .Select(c => new RegisterRowData
            {
                Type = ItemType.Constraint, Id = c.Id, EstablishmentId = c.EstablishmentId, EstablishmentFr = c.Establishment!.NameFr, EstablishmentAr = c.Establishment.NameAr,
                ProvinceFr = c.Establishment.Province!.NameFr, ProvinceAr = c.Establishment.Province.NameAr, Category = c.Category,
                Rank = c.Severity == Severity.Minor ? 1 : c.Severity == Severity.Moderate ? 2 : c.Severity == Severity.Serious ? 3 : c.Severity == Severity.Critical ? 4 : 0,
                Description = c.Description, Status = c.Status, Owner = c.Owner, DueOn = c.DueOn, CreatedAtUtc = c.CreatedAtUtc,
                EstimatedCostMad = (decimal?)null, EscalatedOn = c.EscalatedOn,
            });
        return needs.Concat(constraints);
    }

    private static IQueryable<RegisterRowData> Sorted(IQueryable<RegisterRowData> rows, RegisterSort sort) => sort switch
    {
        RegisterSort.Oldest => rows.OrderBy(r => r.CreatedAtUtc).ThenBy(r => r.Type).ThenBy(r => r.Id),
        RegisterSort.DueDate => rows.OrderBy(r => r.DueOn == null).ThenBy(r => r.DueOn).ThenBy(r => r.Type).ThenBy(r => r.Id),
        RegisterSort.Establishment => rows.OrderBy(r => r.EstablishmentFr).ThenByDescending(r => r.CreatedAtUtc).ThenBy(r => r.Type).ThenBy(r => r.Id),
        // Statuses are stored as text: ordered by the lifecycle, not alphabetically.
        RegisterSort.Status => rows.OrderBy(r => r.Status == FollowUpStatus.Raised ? 1 : r.Status == FollowUpStatus.Acknowledged ? 2 : r.Status == FollowUpStatus.InProgress ? 3
                : r.Status == FollowUpStatus.Resolved ? 4 : r.Status == FollowUpStatus.Closed ? 5 : r.Status == FollowUpStatus.Declined ? 6 : 7).ThenByDescending(r => r.CreatedAtUtc).ThenBy(r => r.Type).ThenBy(r => r.Id),
        _ => rows.OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Type).ThenByDescending(r => r.Id),
    };

    private RegisterRow ToRow(RegisterRowData r) => new(
        r.Type, r.Id, r.EstablishmentId, r.EstablishmentFr, r.EstablishmentAr, r.ProvinceFr, r.ProvinceAr, r.Category, PriorityOf(r), SeverityOf(r), r.Description,
        r.Status, r.Owner, r.DueOn, calendar.DayOf(r.CreatedAtUtc), FollowUpLifecycle.IsOverdue(r.Status, r.DueOn, calendar.Today), Age(r.CreatedAtUtc), r.EstimatedCostMad)
    {
        EscalatedOn = r.EscalatedOn,
    };

    /// <summary>The rank back as the item type's enum; null when the stored value names none (shown as "not stated").</summary>
    private static Priority? PriorityOf(RegisterRowData r) => r.Type == ItemType.Need && Enum.IsDefined((Priority)r.Rank) ? (Priority)r.Rank : null;

    private static Severity? SeverityOf(RegisterRowData r) => r.Type == ItemType.Constraint && Enum.IsDefined((Severity)r.Rank) ? (Severity)r.Rank : null;

    /// <summary>Days since the item was raised, counted in Morocco's calendar days (as its raised day is shown).</summary>
    private int Age(DateTime createdAtUtc) => Math.Max(0, calendar.Today.DayNumber - calendar.DayOf(createdAtUtc).DayNumber);

    private static readonly FollowUpStatus[] Overdueable = [FollowUpStatus.Raised, FollowUpStatus.Acknowledged, FollowUpStatus.InProgress];

    /// <summary>The filters both tables share, written once against what needs and constraints have in common.</summary>
    private static IQueryable<T> Filter<T>(IQueryable<T> query, RegisterFilter f, DateOnly today, DateTime? raisedBefore)
        where T : EditableEntity, IRegisterItem => query
        .WhereIf(f.DirectorateId is not null, x => x.Establishment!.Province!.Region!.DirectorateId == f.DirectorateId)
        .WhereIf(f.Establishment is not null, x => x.EstablishmentId == f.Establishment)
        .WhereIf(f.Province is not null, x => x.Establishment!.ProvinceId == f.Province)
        .WhereIf(f.Type is not null, x => x.Establishment!.Type == f.Type)
        .WhereIf(f.Category is not null, x => x.Category == f.Category)
        .WhereIf(f.Status is not null, x => x.Status == f.Status)
        .WhereIf(f.Owner is not null, x => x.Owner == f.Owner)
        .WhereIf(f.Overdue, x => x.DueOn != null && x.DueOn < today && Overdueable.Contains(x.Status))
        .WhereIf(raisedBefore is not null, x => x.CreatedAtUtc < raisedBefore)
        .WhereIf(f.Escalated, x => x.EscalatedOn != null);
}

/// <summary>A register line as the database returns it (both tables in one shape), before today's figures are added.</summary>
internal sealed class RegisterRowData
{
    public ItemType Type { get; init; }

    public int Id { get; init; }

    public int EstablishmentId { get; init; }

    public required string EstablishmentFr { get; init; }

    public required string EstablishmentAr { get; init; }

    public required string ProvinceFr { get; init; }

    public required string ProvinceAr { get; init; }

    public NeedCategory Category { get; init; }

    /// <summary>A need's priority or a constraint's severity as its enum's number (0 when the stored value names none).</summary>
    public int Rank { get; init; }

    public required string Description { get; init; }

    public FollowUpStatus Status { get; init; }

    public ItemOwner? Owner { get; init; }

    public DateOnly? DueOn { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public decimal? EstimatedCostMad { get; init; }

    public DateOnly? EscalatedOn { get; init; }
}
