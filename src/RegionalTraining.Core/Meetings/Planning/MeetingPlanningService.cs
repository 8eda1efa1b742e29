using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Meetings.Corrections;
using RegionalTraining.Core.Meetings.FollowThrough;

namespace RegionalTraining.Core.Meetings.Planning;

public sealed record MeetingInput(
    string TitleFr, string TitleAr, MeetingKind Kind, DateOnly StartsOn, DateOnly EndsOn, int? VenueEstablishmentId, string? VenueTextFr,
    string? VenueTextAr, string? ChairNameFr, string? ChairNameAr, MeetingStatus Status, bool AnnouncedPublicly, IReadOnlyCollection<int> InvitedEstablishmentIds)
{
    /// <summary>On creation only: put the follow-up of the previous meeting first on the agenda (ignored when there is none).</summary>
    public bool FollowUpOfPrevious { get; init; }
}

public sealed record AgendaInput(AgendaItemType Type, string? TitleFr, string? TitleAr, string? SpeakerFr, string? SpeakerAr, int? PlannedMinutes, int Day);

public sealed record MeetingListItem(int Id, string Slug, string TitleFr, string TitleAr, DateOnly StartsOn, DateOnly EndsOn, MeetingStatus Status, SummaryStatus? SummaryStatus);

/// <summary>A meeting as its edit form shows it, with the version the form sends back.</summary>
/// <param name="Published">Whether its minutes are published: a change is then a correction with a reason.</param>
public sealed record MeetingEdit(int Id, int DirectorateId, MeetingInput Input, byte[] RowVersion, bool Published = false);

/// <summary>The meetings of a directorate and their agendas: listing, reading, creating and changing them.</summary>
public interface IMeetingPlanningService
{
    Task<IReadOnlyList<MeetingListItem>> ListAsync(AccessScope scope, CancellationToken cancellationToken = default);

    /// <summary>The whole meeting, or null when it does not exist or the caller may not manage it.</summary>
    Task<MeetingPage?> PageAsync(AccessScope scope, int meetingId, CancellationToken cancellationToken = default);

    Task<MeetingEdit?> EditAsync(AccessScope scope, int meetingId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates (<paramref name="meetingId"/> null, in <paramref name="chosenDirectorateId"/> for an administrator,
    /// else the caller's own directorate) or changes a meeting; the new or changed meeting's id on success. A published
    /// meeting changes only with <paramref name="correctionReason"/> (see <see cref="PublishedRecord"/>), and every
    /// command below likewise.
    /// </summary>
    Task<Result<int>> SaveAsync(
        AccessScope scope, int? meetingId, int? chosenDirectorateId, MeetingInput input, byte[]? rowVersion = null, string? correctionReason = null, CancellationToken cancellationToken = default);

    Task<Result> AddAgendaItemAsync(AccessScope scope, int meetingId, AgendaInput input, string? correctionReason = null, CancellationToken cancellationToken = default);

    Task<Result> MoveAgendaItemAsync(AccessScope scope, int meetingId, int itemId, int offset, string? correctionReason = null, CancellationToken cancellationToken = default);

    Task<Result> RemoveAgendaItemAsync(AccessScope scope, int meetingId, int itemId, string? correctionReason = null, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class MeetingPlanningService(AppDbContext db, MeetingAccess access, IMeetingFollowThrough followThrough, ILogger<MeetingPlanningService> logger) : IMeetingPlanningService
{
    public async Task<IReadOnlyList<MeetingListItem>> ListAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        var directorateId = scope.DirectorateOfWork;
        return await db.Meetings.AsNoTracking()
            .Where(m => directorateId == null || m.DirectorateId == directorateId)
            .OrderByDescending(m => m.StartsOn)
            .Select(m => new MeetingListItem(m.Id, m.Slug, m.TitleFr, m.TitleAr, m.StartsOn, m.EndsOn, m.Status, m.Summary != null ? m.Summary.Status : null))
            .ToListAsync(cancellationToken);
    }

    public async Task<MeetingPage?> PageAsync(AccessScope scope, int meetingId, CancellationToken cancellationToken = default)
    {
        var page = await access.FindAsync(scope, meetingId, cancellationToken) is null ? null
            : await MeetingPages.ReadAsync(db.Meetings.Where(m => m.Id == meetingId), cancellationToken);
        // Published means frozen: the published record carries its own list; before that, staff see it as it stands now.
        return page is null || page.Summary?.Status == SummaryStatus.Published ? page
            : page with { ResolvedSince = await followThrough.ResolvedSinceAsync(page.DirectorateId, page.Id, page.StartsOn, page.EndsOn, cancellationToken) };
    }

    public async Task<MeetingEdit?> EditAsync(AccessScope scope, int meetingId, CancellationToken cancellationToken = default)
    {
        var m = await db.Meetings.AsNoTracking().Include(m => m.Invitations).Include(m => m.Summary).SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        return m is null || !MeetingAccess.CanManage(scope, m.DirectorateId) ? null : new MeetingEdit(m.Id, m.DirectorateId,
            new MeetingInput(m.TitleFr, m.TitleAr, m.Kind, m.StartsOn, m.EndsOn, m.VenueEstablishmentId, m.VenueTextFr, m.VenueTextAr, m.ChairNameFr, m.ChairNameAr, m.Status, m.AnnouncedPublicly,
                [.. m.Invitations.Select(i => i.EstablishmentId)]),
            m.RowVersion, m.Summary?.Status == SummaryStatus.Published);
    }

    public async Task<Result<int>> SaveAsync(
        AccessScope scope, int? meetingId, int? chosenDirectorateId, MeetingInput input, byte[]? rowVersion = null, string? correctionReason = null,
        CancellationToken cancellationToken = default)
    {
        if (!scope.Has(Capability.DirectorateWork))
        {
            return Result.NotFound().With<int>();
        }

        var meeting = meetingId is null ? await NewAsync(scope, chosenDirectorateId, input, cancellationToken) : await ExistingAsync(scope, meetingId.Value, input, rowVersion, correctionReason, cancellationToken);
        if (!meeting.Succeeded)
        {
            return meeting.With<int>();
        }

        if (input.EndsOn < input.StartsOn)
        {
            return Result.Invalid(nameof(MeetingInput.EndsOn), Messages.MeetingEndsBeforeStart).With<int>();
        }

        if (meeting.Value!.Id == 0)
        {
            db.Meetings.Add(meeting.Value);
            if (input.FollowUpOfPrevious && await followThrough.FollowUpItemAsync(meeting.Value.DirectorateId, input.StartsOn, cancellationToken) is { } followUp)
            {
                followUp.Position = 1;
                meeting.Value.Agenda.Add(followUp);
            }
        }

        var published = meeting.Value.Summary?.Status == SummaryStatus.Published;
        var before = published ? await DescribeAsync(meeting.Value, cancellationToken) : null;
        await ApplyAsync(meeting.Value, input, cancellationToken);
        if (published)
        {
            access.RecordCorrection(meeting.Value.Id, published, new PublicChange(MeetingPart.Meeting, correctionReason, before, await DescribeAsync(meeting.Value, cancellationToken)));
        }

        try
        {
            await SaveTakingAFreeSlugAsync(meeting.Value, input, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict().With<int>();
        }
        catch (DbUpdateException exception) when (meetingId is not null && exception.Wrote<MeetingInvitation>())
        {
            // The same establishment invited by another save of this meeting at the same moment: the key (meeting,
            // establishment) let theirs in. Nothing of this save was written; made again over the meeting as it now
            // stands, it is what it would have been by coming second.
            var invited = exception.Entries.Select(e => e.Entity).OfType<MeetingInvitation>().Select(i => i.EstablishmentId).ToList();
            if (!await db.MeetingInvitations.AnyAsync(i => i.MeetingId == meetingId && invited.Contains(i.EstablishmentId), cancellationToken))
            {
                throw;
            }

            logger.LogInformation("Meeting {MeetingId}: establishments {EstablishmentIds} invited meanwhile by another save; saved again", meetingId, invited);
            db.ChangeTracker.Clear();
            return await SaveAsync(scope, meetingId, chosenDirectorateId, input, rowVersion, correctionReason, cancellationToken);
        }

        logger.LogInformation("Meeting {MeetingId} saved", meeting.Value!.Id);
        return Result.Success(meeting.Value!.Id);
    }

    public async Task<Result> AddAgendaItemAsync(AccessScope scope, int meetingId, AgendaInput input, string? correctionReason = null, CancellationToken cancellationToken = default)
    {
        var meeting = await access.FindEditableAsync(scope, meetingId, correctionReason, cancellationToken);
        if (!meeting.Succeeded)
        {
            return meeting;
        }

        var last = await db.AgendaItems.Where(a => a.MeetingId == meetingId).MaxAsync(a => (int?)a.Position, cancellationToken) ?? 0;
        var item = new AgendaItem
        {
            MeetingId = meetingId, Position = last + 1, Type = input.Type, TitleFr = input.TitleFr?.Trim(), TitleAr = input.TitleAr?.Trim(),
            SpeakerFr = Bilingual.Stored(input.SpeakerFr), SpeakerAr = Bilingual.Stored(input.SpeakerAr), PlannedMinutes = input.PlannedMinutes, Day = Math.Max(1, input.Day),
        };
        db.AgendaItems.Add(item);
        return await access.SaveAsync(meeting.Value!, new PublicChange(MeetingPart.Agenda, correctionReason, null, Describe(item)), cancellationToken);
    }

    public async Task<Result> MoveAgendaItemAsync(AccessScope scope, int meetingId, int itemId, int offset, string? correctionReason = null, CancellationToken cancellationToken = default)
    {
        var meeting = await access.FindEditableAsync(scope, meetingId, correctionReason, cancellationToken);
        if (!meeting.Succeeded)
        {
            return meeting;
        }

        var items = await db.AgendaItems.Where(a => a.MeetingId == meetingId).OrderBy(a => a.Position).ToListAsync(cancellationToken);
        var index = items.FindIndex(a => a.Id == itemId);
        var target = index + Math.Sign(offset);
        if (index < 0)
        {
            return Result.NotFound();
        }

        if (target < 0 || target >= items.Count)
        {
            // Already first (or last): nothing to move, which is what was asked.
            return Result.Success();
        }

        var before = $"{index + 1}. {Describe(items[index])}";
        (items[index], items[target]) = (items[target], items[index]);
        for (var i = 0; i < items.Count; i++)
        {
            items[i].Position = i + 1;
        }

        return await access.SaveAsync(meeting.Value!, new PublicChange(MeetingPart.Agenda, correctionReason, before, $"{target + 1}. {Describe(items[target])}"), cancellationToken);
    }

    public async Task<Result> RemoveAgendaItemAsync(AccessScope scope, int meetingId, int itemId, string? correctionReason = null, CancellationToken cancellationToken = default)
    {
        var meeting = await access.FindEditableAsync(scope, meetingId, correctionReason, cancellationToken);
        if (!meeting.Succeeded)
        {
            return meeting;
        }

        // Removing what is already gone is a success: the page may be older than a colleague's removal.
        var item = await db.AgendaItems.SingleOrDefaultAsync(a => a.Id == itemId && a.MeetingId == meetingId, cancellationToken);
        if (item is null)
        {
            return Result.Success();
        }

        db.AgendaItems.Remove(item);
        return await access.SaveAsync(meeting.Value!, new PublicChange(MeetingPart.Agenda, correctionReason, Describe(item), null), cancellationToken);
    }

    /// <summary>An agenda item as a correction's before or after shows it.</summary>
    internal static string Describe(AgendaItem item) =>
        string.Join(" · ", new[] { $"D{item.Day}", Join(item.TitleFr, item.TitleAr), Join(item.SpeakerFr, item.SpeakerAr) }.Where(t => !string.IsNullOrWhiteSpace(t)));

    /// <summary>Both languages of a text, once when they are the same, or the one given.</summary>
    internal static string? Join(string? fr, string? ar) =>
        string.IsNullOrWhiteSpace(fr) ? ar : string.IsNullOrWhiteSpace(ar) || ar == fr ? fr : fr + " / " + ar;

    private async Task<Result<Meeting>> NewAsync(AccessScope scope, int? chosenDirectorateId, MeetingInput input, CancellationToken cancellationToken)
    {
        if (scope.DirectorateInFocus(chosenDirectorateId) is not { } directorateId)
        {
            return Result.Invalid("DirectorateId", Messages.MeetingChooseDirectorate).With<Meeting>();
        }

        if (!MeetingAccess.CanManage(scope, directorateId))
        {
            return Result.NotFound().With<Meeting>();
        }

        return Result.Success(new Meeting { TitleFr = input.TitleFr, TitleAr = input.TitleAr, DirectorateId = directorateId, Slug = await UniqueSlugAsync(input, null, cancellationToken) });
    }

    private async Task<Result<Meeting>> ExistingAsync(
        AccessScope scope, int meetingId, MeetingInput input, byte[]? rowVersion, string? correctionReason, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.Include(m => m.Invitations).Include(m => m.Summary).SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null || !MeetingAccess.CanManage(scope, meeting.DirectorateId))
        {
            return Result.NotFound().With<Meeting>();
        }

        var editable = PublishedRecord.EnsureEditable(meeting.Summary?.Status == SummaryStatus.Published, correctionReason);
        if (!editable.Succeeded)
        {
            return editable.With<Meeting>();
        }

        db.Entry(meeting).Property(m => m.RowVersion).OriginalValue = rowVersion ?? [];
        // Every save of the form writes the meeting's row, so that its version moves and is compared even when only the
        // invitations change: otherwise a form opened before another save that changed only the invitations would
        // replace them without a conflict, and that save would be lost.
        db.Entry(meeting).Property(m => m.UpdatedAtUtc).IsModified = true;
        // The public address is fixed once published; before that it follows the title and date.
        if (meeting.Summary?.Status != SummaryStatus.Published)
        {
            var slug = MeetingSlug.For(input.StartsOn, input.TitleFr);
            if (slug != meeting.Slug && !meeting.Slug.StartsWith(slug + "-", StringComparison.Ordinal))
            {
                meeting.Slug = await UniqueSlugAsync(input, meeting.Id, cancellationToken);
            }
        }

        return Result.Success(meeting);
    }

    private async Task ApplyAsync(Meeting meeting, MeetingInput input, CancellationToken cancellationToken)
    {
        var named = input.InvitedEstablishmentIds.Append(input.VenueEstablishmentId ?? 0).Where(id => id > 0).Distinct().ToList();
        var ofDirectorate = await access.EstablishmentsOfAsync(meeting.DirectorateId, named, cancellationToken);
        meeting.TitleFr = input.TitleFr.Trim();
        meeting.TitleAr = input.TitleAr.Trim();
        meeting.Kind = input.Kind;
        meeting.StartsOn = input.StartsOn;
        meeting.EndsOn = input.EndsOn;
        meeting.VenueEstablishmentId = input.VenueEstablishmentId is { } venue && ofDirectorate.Contains(venue) ? venue : null;
        meeting.VenueTextFr = Bilingual.Stored(input.VenueTextFr);
        meeting.VenueTextAr = Bilingual.Stored(input.VenueTextAr);
        meeting.ChairNameFr = Bilingual.Stored(input.ChairNameFr);
        meeting.ChairNameAr = Bilingual.Stored(input.ChairNameAr);
        meeting.Status = input.Status;
        meeting.AnnouncedPublicly = input.AnnouncedPublicly;
        var invited = input.InvitedEstablishmentIds.Where(ofDirectorate.Contains).ToHashSet();
        meeting.Invitations.RemoveAll(i => !invited.Contains(i.EstablishmentId));
        foreach (var id in invited.Where(id => meeting.Invitations.All(i => i.EstablishmentId != id)))
        {
            meeting.Invitations.Add(new MeetingInvitation { EstablishmentId = id });
        }
    }

    /// <summary>The public heading of a meeting (title, days, venue, chair, status), as a correction's before or after shows it.</summary>
    private async Task<string> DescribeAsync(Meeting m, CancellationToken cancellationToken)
    {
        var venue = m.VenueEstablishmentId is { } id
            ? await db.Establishments.Where(e => e.Id == id).Select(e => e.NameFr + " / " + e.NameAr).SingleOrDefaultAsync(cancellationToken)
            : Join(m.VenueTextFr, m.VenueTextAr);
        var days = m.EndsOn == m.StartsOn ? Iso(m.StartsOn) : Iso(m.StartsOn) + " → " + Iso(m.EndsOn);
        return string.Join(" · ", new[] { Join(m.TitleFr, m.TitleAr), days, venue, Join(m.ChairNameFr, m.ChairNameAr), m.Status.ToString() }.Where(t => !string.IsNullOrWhiteSpace(t)));
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Saves the meeting. Its slug was free when chosen, but another meeting of the same day and title may have taken
    /// it since (two saves at once): the unique index then refuses this one, which takes the next free slug and saves
    /// again, as it would have by coming second. Nothing was written by the refused save, so saving again is whole.
    /// </summary>
    private async Task SaveTakingAFreeSlugAsync(Meeting meeting, MeetingInput input, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException exception) when (exception.Wrote<Meeting>())
            {
                var id = meeting.Id == 0 ? (int?)null : meeting.Id;
                var slug = meeting.Slug;
                if (!await db.Meetings.AnyAsync(m => m.Slug == slug && m.Id != id, cancellationToken))
                {
                    throw;
                }

                meeting.Slug = await UniqueSlugAsync(input, id, cancellationToken);
                logger.LogInformation("Meeting {MeetingId} slug {Slug} taken meanwhile by another meeting: {NewSlug} instead", id, slug, meeting.Slug);
            }
        }
    }

    private async Task<string> UniqueSlugAsync(MeetingInput input, int? meetingId, CancellationToken cancellationToken)
    {
        var slug = MeetingSlug.For(input.StartsOn, input.TitleFr);
        var candidate = slug;
        for (var n = 2; await db.Meetings.AnyAsync(m => m.Slug == candidate && m.Id != meetingId, cancellationToken); n++)
        {
            candidate = $"{slug}-{n}";
        }

        return candidate;
    }
}
