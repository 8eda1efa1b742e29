using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;

namespace RegionalTraining.Core.Notifications;

/// <summary>Turns a message key and its arguments into text in a given culture (implemented with the UI resources).</summary>
public interface IMessageFormatter
{
    string Format(string messageKey, IReadOnlyList<string> arguments, string culture);

    /// <summary>A message about a count, in the form the culture uses for that count ("key|few"…, decision 0028).</summary>
    string FormatCount(string messageKey, long count, string culture);
}

public sealed record NotificationItem(long Id, string MessageKey, string[] Arguments, string? Link, DateTime CreatedAtUtc, bool IsRead);

/// <summary>
/// In-app notifications plus an e-mail for each. The e-mail is written in Arabic and in French, one under the
/// other: the portal does not know which language each director reads, and both are official.
/// </summary>
public interface INotificationService
{
    Task NotifyAsync(IReadOnlyCollection<string> userIds, string messageKey, IReadOnlyList<string> arguments, string? link, CancellationToken cancellationToken = default);

    /// <summary>
    /// Notifies the active members of a directorate who hold one of <paramref name="roles"/> (never the person who
    /// acted: he knows), in the application and by e-mail.
    /// </summary>
    Task NotifyDirectorateAsync(int directorateId, IReadOnlyCollection<string> roles, string messageKey, IReadOnlyList<string> arguments, string? link, CancellationToken cancellationToken = default);

    Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<NotificationItem>> ListAsync(string userId, int take = 50, CancellationToken cancellationToken = default);

    Task MarkAllReadAsync(string userId, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class NotificationService(
    AppDbContext db,
    IEmailSender email,
    IMessageFormatter formatter,
    TimeProvider clock,
    ICurrentUser currentUser,
    Microsoft.Extensions.Configuration.IConfiguration configuration,
    ILogger<NotificationService> logger) : INotificationService
{
    public async Task NotifyAsync(IReadOnlyCollection<string> userIds, string messageKey, IReadOnlyList<string> arguments, string? link, CancellationToken cancellationToken = default)
    {
        if (userIds.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // A quoted reason can be longer than the column: the notification shows its start, the history all of it.
        var joined = string.Join(Notification.Separator, arguments);
        joined = joined.Length > Notification.ArgumentsMaximumLength ? joined[..(Notification.ArgumentsMaximumLength - 1)] + "…" : joined;
        var held = await HeldForDigestAsync(userIds, messageKey, cancellationToken);
        db.Notifications.AddRange(userIds.Select(id => new Notification
        {
            UserId = id, MessageKey = messageKey, Arguments = joined, Link = link, CreatedAtUtc = now, EmailHeld = held.Contains(id),
        }));
        await db.SaveChangesAsync(cancellationToken);

        var recipients = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && !held.Contains(u.Id) && !u.IsDisabled && u.Email != null)
            .Select(u => u.Email!).ToListAsync(cancellationToken);
        var arabic = formatter.Format(messageKey, arguments, "ar-MA");
        var french = formatter.Format(messageKey, arguments, "fr-MA");
        var subject = formatter.Format("Notification from RegionalTraining", [], "ar-MA") + " / " + formatter.Format("Notification from RegionalTraining", [], "fr-MA");
        // A link in an e-mail must be absolute; without a configured public address it is left out rather than broken.
        var publicBase = configuration["App:PublicBaseUrl"]?.TrimEnd('/');
        var url = link is not null && !string.IsNullOrEmpty(publicBase) ? publicBase + link : null;
        var text = $"{arabic}\n\n{french}\n\n{url}";
        var html = $"<p dir=\"rtl\" lang=\"ar\">{System.Net.WebUtility.HtmlEncode(arabic)}</p><p lang=\"fr\">{System.Net.WebUtility.HtmlEncode(french)}</p>"
            + (url is null ? string.Empty : $"<p><a href=\"{System.Net.WebUtility.HtmlEncode(url)}\">{System.Net.WebUtility.HtmlEncode(url)}</a></p>");
        foreach (var recipient in recipients)
        {
            try
            {
                await email.SendAsync(new EmailMessage(recipient, subject, html, text), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The in-app notification is already saved: a mail server hiccup must not undo the action.
                logger.LogWarning(ex, "Notification e-mail {MessageKey} could not be sent", messageKey);
            }
        }

        logger.LogInformation("Notification {MessageKey} sent to {RecipientCount} users, e-mail held for the daily digest of {HeldCount}", messageKey, userIds.Count, held.Count);
    }

    /// <summary>Who chose the daily digest for this kind of notice: their e-mail waits, the in-app notice does not.</summary>
    private async Task<List<string>> HeldForDigestAsync(IReadOnlyCollection<string> userIds, string messageKey, CancellationToken cancellationToken)
    {
        if (NoticeKinds.Of(messageKey) is not { } kind)
        {
            return [];
        }

        return await db.NoticePreferences.AsNoTracking()
            .Where(p => userIds.Contains(p.UserId) && p.Kind == kind && p.Delivery == NoticeDelivery.DailyDigest)
            .Select(p => p.UserId).ToListAsync(cancellationToken);
    }

    public async Task NotifyDirectorateAsync(int directorateId, IReadOnlyCollection<string> roles, string messageKey, IReadOnlyList<string> arguments, string? link, CancellationToken cancellationToken = default)
    {
        var actor = currentUser.UserId;
        var members = await (
            from user in db.Users.AsNoTracking()
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where user.DirectorateId == directorateId && !user.IsDisabled && roles.Contains(role.Name!) && user.Id != actor
            select user.Id).Distinct().ToListAsync(cancellationToken);
        await NotifyAsync(members, messageKey, arguments, link, cancellationToken);
    }

    public Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAtUtc == null, cancellationToken);

    public async Task<IReadOnlyList<NotificationItem>> ListAsync(string userId, int take = 50, CancellationToken cancellationToken = default)
    {
        var rows = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id).Take(take)
            .ToListAsync(cancellationToken);
        return rows.Select(n => new NotificationItem(n.Id, n.MessageKey, n.ArgumentList, n.Link, n.CreatedAtUtc, n.ReadAtUtc != null)).ToList();
    }

    public async Task MarkAllReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), cancellationToken);
    }
}
