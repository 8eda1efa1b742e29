using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Notifications.Digests;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Notifications;

/// <summary>
/// A portal of its own for the digests: a clock moved by hand (Wednesday 2 December 2026, 10:00 UTC, in ISO week 49
/// whose digest covers 23–29 November), preferences and leases nobody else's tests see, and the job run by hand.
/// </summary>
public sealed class DigestPortal : RegionalTrainingFactory
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Runs the job as one node would, in a service scope of its own; the value is the periods it ran.</summary>
    public async Task<int> RunJobAsync(string holder)
    {
        _ = Server;
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DigestJobs>().RunDueAsync(holder);
    }

    /// <summary>A constraint of the establishment, raised at <paramref name="raisedAtUtc"/>.</summary>
    public async Task<int> ConstraintAsync(string establishmentCode, string description, DateTime raisedAtUtc, FollowUpStatus status = FollowUpStatus.Raised, DateOnly? dueOn = null)
    {
        var establishment = await EstablishmentIdAsync(establishmentCode);
        return await WithDbAsync(async db =>
        {
            var item = new Constraint { EstablishmentId = establishment, Description = description, Category = NeedCategory.Infrastructure, Severity = Severity.Serious, Status = status, DueOn = dueOn };
            db.Constraints.Add(item);
            await db.SaveChangesAsync();
            // The audit stamps "now"; the raising date is what the test is about.
            await db.Constraints.Where(c => c.Id == item.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAtUtc, raisedAtUtc));
            return item.Id;
        });
    }

    /// <summary>The e-mails written so far to <paramref name="address"/>.</summary>
    public IReadOnlyList<Mail> MailTo(string address) =>
        Directory.Exists(MailFolder)
            ? Directory.GetFiles(MailFolder, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => m.To.Mailboxes.Any(b => b.Address == address))
                .Select(m => new Mail(m.Subject ?? string.Empty, m.TextBody ?? string.Empty, m.HtmlBody ?? string.Empty)).ToList()
            : [];

    public Task<string> UserIdAsync(string email) => WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}

/// <summary>What a test reads of an e-mail (decoded: the subject from RFC 2047, the parts from their transfer encoding).</summary>
public sealed record Mail(string Subject, string TextBody, string HtmlBody);
