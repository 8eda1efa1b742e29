using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;

namespace RegionalTraining.Core.Notifications.Digests;

/// <summary>One e-mail per person with the notices whose e-mail he chose to receive once a day.</summary>
public sealed class DailyDigest(AppDbContext db, IEmailSender email, IMessageFormatter formatter, IConfiguration configuration, ILogger<DailyDigest> logger)
{
    /// <summary>Sends each person's held notices and releases them; the value is the number of e-mails sent.</summary>
    public async Task<int> SendAsync(CancellationToken cancellationToken = default)
    {
        var held = await db.Notifications.AsNoTracking().Where(n => n.EmailHeld)
            .OrderBy(n => n.CreatedAtUtc).ThenBy(n => n.Id)
            .Select(n => new { n.Id, n.UserId, n.MessageKey, n.Arguments, n.Link }).ToListAsync(cancellationToken);
        var userIds = held.Select(n => n.UserId).Distinct().ToList();
        var addresses = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && !u.IsDisabled && u.Email != null)
            .ToDictionaryAsync(u => u.Id, u => u.Email!, cancellationToken);
        var publicBase = configuration["App:PublicBaseUrl"]?.TrimEnd('/');
        var sent = 0;
        foreach (var person in held.GroupBy(n => n.UserId))
        {
            if (addresses.TryGetValue(person.Key, out var address))
            {
                var notices = person.Select(n => (n.MessageKey, Arguments: new Notification { UserId = n.UserId, MessageKey = n.MessageKey, Arguments = n.Arguments }.ArgumentList,
                    Url: n.Link is not null && !string.IsNullOrEmpty(publicBase) ? publicBase + n.Link : null)).ToList();
                await email.SendAsync(DigestEmail.Build(address, Messages.DailyDigestSubject, formatter, culture => new DigestBody(
                    formatter.Format(Messages.DailyDigestIntro, [], culture),
                    [new DigestSection(string.Empty, notices.Select(n => new DigestLine(formatter.Format(n.MessageKey, n.Arguments, culture), n.Url)).ToList())])), cancellationToken);
                sent++;
            }

            // Released once sent (or when nobody can receive it), so a later run never sends the same notice again.
            var ids = person.Select(n => n.Id).ToList();
            await db.Notifications.Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailHeld, false), cancellationToken);
        }

        logger.LogInformation("Daily digest: {NoticeCount} held notices sent in {EmailCount} e-mails", held.Count, sent);
        return sent;
    }
}
