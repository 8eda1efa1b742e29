using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;

namespace RegionalTraining.Core.Notifications;

public sealed record NoticeChoice(NoticeKind Kind, NoticeDelivery Delivery);

/// <summary>Each person's choice, per kind of notice, between an e-mail at once and one daily digest.</summary>
public interface INoticePreferenceService
{
    /// <summary>The kinds the signed-in person receives, with his choice for each (immediately when never chosen).</summary>
    Task<IReadOnlyList<NoticeChoice>> GetAsync(AccessScope scope, CancellationToken cancellationToken = default);

    /// <summary>Saves the choices; a kind the person does not receive is refused, a kind left out stays as it was.</summary>
    Task<Result> SaveAsync(AccessScope scope, IReadOnlyList<NoticeChoice> choices, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class NoticePreferenceService(AppDbContext db, ILogger<NoticePreferenceService> logger) : INoticePreferenceService
{
    public async Task<IReadOnlyList<NoticeChoice>> GetAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        if (scope.UserId is null)
        {
            return [];
        }

        var stored = await db.NoticePreferences.AsNoTracking().Where(p => p.UserId == scope.UserId)
            .ToDictionaryAsync(p => p.Kind, p => p.Delivery, cancellationToken);
        return NoticeKinds.For(scope.Roles).Select(k => new NoticeChoice(k, stored.GetValueOrDefault(k, NoticeDelivery.Immediately))).ToList();
    }

    public async Task<Result> SaveAsync(AccessScope scope, IReadOnlyList<NoticeChoice> choices, CancellationToken cancellationToken = default)
    {
        if (scope.UserId is null)
        {
            return Result.Forbidden();
        }

        var allowed = NoticeKinds.For(scope.Roles);
        if (choices.Any(c => !allowed.Contains(c.Kind) || !Enum.IsDefined(c.Delivery)))
        {
            return Result.Invalid(FieldError.Form, Messages.NoticeKindNotYours);
        }

        var stored = await db.NoticePreferences.Where(p => p.UserId == scope.UserId).ToListAsync(cancellationToken);
        var added = new List<NoticeKind>();
        foreach (var choice in choices.DistinctBy(c => c.Kind))
        {
            var row = stored.FirstOrDefault(p => p.Kind == choice.Kind);
            if (row is null)
            {
                db.NoticePreferences.Add(new NoticePreference { UserId = scope.UserId, Kind = choice.Kind, Delivery = choice.Delivery });
                added.Add(choice.Kind);
            }
            else
            {
                row.Delivery = choice.Delivery;
            }
        }

        if (!await db.TrySaveAsync<NoticePreference>(
            ct => db.NoticePreferences.AnyAsync(p => p.UserId == scope.UserId && added.Contains(p.Kind), ct), cancellationToken))
        {
            // The same person's first choice of a kind saved twice at once (two tabs, a double click): the key (person,
            // kind) let the other in. Saved again, this one now changes that row, as it would have by coming second.
            logger.LogInformation("Notice preferences of user {UserId} saved meanwhile elsewhere: saved again over them", scope.UserId);
            return await SaveAsync(scope, choices, cancellationToken);
        }

        logger.LogInformation("Notice preferences of user {UserId} saved ({ChoiceCount} kinds)", scope.UserId, choices.Count);
        return Result.Success();
    }
}
