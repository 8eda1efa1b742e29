using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.NeedsAndConstraints;

namespace RegionalTraining.Core.Notifications.Digests;

/// <summary>One item of the weekly digest.</summary>
public sealed record DigestItem(int DirectorateId, ItemType Type, int Id, int EstablishmentId, string EstablishmentFr, string EstablishmentAr, string Description, DateOnly? DueOn, bool IsNew, bool IsOverdue);

/// <summary>
/// The weekly register digest: to the regional director and staff of each directorate, the needs and constraints of
/// its own establishments raised during the week, and those overdue (due before Morocco's today, not closed),
/// grouped by establishment. A directorate with nothing new and nothing overdue gets no e-mail.
/// </summary>
public sealed class WeeklyRegisterDigest(
    AppDbContext db, IEmailSender email, IMessageFormatter formatter, LocalCalendar calendar, IConfiguration configuration, ILogger<WeeklyRegisterDigest> logger)
{
    private static readonly FollowUpStatus[] Open = [FollowUpStatus.Raised, FollowUpStatus.Acknowledged, FollowUpStatus.InProgress];

    /// <summary>The items of the week that ends at <paramref name="weekEndUtc"/>, every directorate, in two queries.</summary>
    public async Task<IReadOnlyList<DigestItem>> ItemsAsync(DateTime weekEndUtc, CancellationToken cancellationToken = default)
    {
        var from = weekEndUtc.AddDays(-7);
        var today = calendar.Today;
        var needs = await db.Needs.AsNoTracking()
            .Where(n => (n.CreatedAtUtc >= from && n.CreatedAtUtc < weekEndUtc) || (n.DueOn != null && n.DueOn < today && Open.Contains(n.Status)))
            .Select(n => new { n.Id, n.Establishment!.Province!.Region!.DirectorateId, n.EstablishmentId, n.Establishment.NameFr, n.Establishment.NameAr, n.Description, n.DueOn, n.Status, n.CreatedAtUtc })
            .ToListAsync(cancellationToken);
        var constraints = await db.Constraints.AsNoTracking()
            .Where(c => (c.CreatedAtUtc >= from && c.CreatedAtUtc < weekEndUtc) || (c.DueOn != null && c.DueOn < today && Open.Contains(c.Status)))
            .Select(c => new { c.Id, c.Establishment!.Province!.Region!.DirectorateId, c.EstablishmentId, c.Establishment.NameFr, c.Establishment.NameAr, c.Description, c.DueOn, c.Status, c.CreatedAtUtc })
            .ToListAsync(cancellationToken);
        return needs.Select(n => new DigestItem(n.DirectorateId, ItemType.Need, n.Id, n.EstablishmentId, n.NameFr, n.NameAr, n.Description, n.DueOn,
                n.CreatedAtUtc >= from && n.CreatedAtUtc < weekEndUtc, FollowUpLifecycle.IsOverdue(n.Status, n.DueOn, today)))
            .Concat(constraints.Select(c => new DigestItem(c.DirectorateId, ItemType.Constraint, c.Id, c.EstablishmentId, c.NameFr, c.NameAr, c.Description, c.DueOn,
                c.CreatedAtUtc >= from && c.CreatedAtUtc < weekEndUtc, FollowUpLifecycle.IsOverdue(c.Status, c.DueOn, today))))
            .ToList();
    }

    /// <summary>Sends the digest of the week ending at <paramref name="weekEndUtc"/>; the value is the number of e-mails sent.</summary>
    public async Task<int> SendAsync(DateTime weekEndUtc, CancellationToken cancellationToken = default)
    {
        var items = await ItemsAsync(weekEndUtc, cancellationToken);
        var directorates = items.Select(i => i.DirectorateId).Distinct().ToList();
        string[] roles = [Roles.RegionalDirector, Roles.DirectorateStaff];
        var members = await (
            from user in db.Users.AsNoTracking()
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where user.DirectorateId != null && directorates.Contains(user.DirectorateId.Value) && !user.IsDisabled && user.Email != null && roles.Contains(role.Name!)
            select new { DirectorateId = user.DirectorateId!.Value, Email = user.Email! }).Distinct().ToListAsync(cancellationToken);
        var week = (From: DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(weekEndUtc.AddDays(-7), calendar.Zone)), To: DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(weekEndUtc, calendar.Zone)).AddDays(-1));
        var publicBase = configuration["App:PublicBaseUrl"]?.TrimEnd('/');
        var sent = 0;
        foreach (var member in members)
        {
            var own = items.Where(i => i.DirectorateId == member.DirectorateId).ToList();
            await email.SendAsync(DigestEmail.Build(member.Email, Messages.WeeklyDigestSubject, formatter, culture => Body(own, week.From, week.To, publicBase, culture)), cancellationToken);
            sent++;
        }

        logger.LogInformation("Weekly register digest: {ItemCount} items of {DirectorateCount} directorates sent in {EmailCount} e-mails", items.Count, directorates.Count, sent);
        return sent;
    }

    private DigestBody Body(IReadOnlyList<DigestItem> items, DateOnly from, DateOnly to, string? publicBase, string culture)
    {
        var arabic = culture.StartsWith("ar", StringComparison.Ordinal);
        var newHeading = formatter.Format(Messages.WeeklyDigestNewItems, [], culture);
        var overdueHeading = formatter.Format(Messages.WeeklyDigestOverdueItems, [], culture);
        var sections = items.GroupBy(i => i.EstablishmentId)
            .OrderBy(g => arabic ? g.First().EstablishmentAr : g.First().EstablishmentFr, StringComparer.Ordinal)
            .Select(g => new DigestSection(
                arabic ? g.First().EstablishmentAr : g.First().EstablishmentFr,
                [.. Lines(g.Where(i => i.IsNew), newHeading, publicBase, culture), .. Lines(g.Where(i => i.IsOverdue), overdueHeading, publicBase, culture)]))
            .ToList();
        var intro = formatter.Format(Messages.WeeklyDigestIntro, [from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)], culture);
        return new DigestBody(intro, sections);
    }

    private IEnumerable<DigestLine> Lines(IEnumerable<DigestItem> items, string heading, string? publicBase, string culture) =>
        items.Select(i => new DigestLine(
            $"{heading}: {i.Description}" + (i.DueOn is { } due ? " (" + formatter.Format(Messages.WeeklyDigestDueOn, [due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)], culture) + ")" : string.Empty),
            string.IsNullOrEmpty(publicBase) ? null : $"{publicBase}/Register/{i.Type}/{i.Id}"));
}
