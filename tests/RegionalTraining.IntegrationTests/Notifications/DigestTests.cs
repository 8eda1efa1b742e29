using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Notifications;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Notifications;

/// <summary>The daily and weekly digests: held notices, what the weekly one lists, and one sending per period whatever the nodes.</summary>
public sealed class DigestTests
{
    private const string Regional = "regional.director@demo.local";
    private const string Staff = "staff@demo.local";
    private const string WeeklySubjectFr = "Récapitulatif hebdomadaire du registre";
    private const string DailySubjectFr = "Votre récapitulatif quotidien de RegionalTraining";

    private static readonly DateTime InTheWeek = new(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc);

    private static int Count(DigestPortal portal, string address, string subject) => portal.MailTo(address).Count(m => m.Subject.Contains(subject, StringComparison.Ordinal));

    [Fact]
    public async Task TwoNodes_RunningTheSamePeriodAtOnce_SendEachDigestOnce()
    {
        using var portal = new DigestPortal();
        await portal.ConstraintAsync("ISTA-FEB-MIRLEFT", "Toiture à refaire", InTheWeek);

        var ran = await Task.WhenAll(portal.RunJobAsync("node-a"), portal.RunJobAsync("node-b"));

        // The daily and the weekly period, each run by exactly one of the two nodes.
        Assert.Equal(2, ran.Sum());
        Assert.Equal(1, Count(portal, Regional, WeeklySubjectFr));
        Assert.Equal(1, Count(portal, Staff, WeeklySubjectFr));
        var leases = await portal.WithDbAsync(db => db.JobLeases.AsNoTracking().ToListAsync());
        Assert.Equal(2, leases.Count);
        Assert.All(leases, l => Assert.NotNull(l.CompletedAtUtc));

        // A third node later the same week finds both periods done.
        portal.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await portal.RunJobAsync("node-c"));
        Assert.Equal(1, Count(portal, Regional, WeeklySubjectFr));
    }

    [Fact]
    public async Task NextWeek_TheJobRunsAgain_ForTheNewPeriod()
    {
        using var portal = new DigestPortal();
        await portal.ConstraintAsync("ISTA-FEB-MIRLEFT", "Atelier sans eau", InTheWeek);
        await portal.RunJobAsync("node-a");
        await portal.ConstraintAsync("ISTA-FEB-MIRLEFT", "Salle informatique", InTheWeek.AddDays(7));

        portal.Clock.Advance(TimeSpan.FromDays(7));

        Assert.Equal(2, await portal.RunJobAsync("node-b"));
        Assert.Equal(2, Count(portal, Regional, WeeklySubjectFr));
        var keys = await portal.WithDbAsync(db => db.JobLeases.Where(l => l.JobName == "weekly-register-digest").Select(l => l.PeriodKey).OrderBy(k => k).ToListAsync());
        Assert.Equal(["2026-W49", "2026-W50"], keys);
    }

    [Fact]
    public async Task WeeklyDigest_ListsTheWeeksNewAndTheOverdueItemsOfTheDirectorateOnly()
    {
        using var portal = new DigestPortal();
        await portal.EnsureOtherDirectorateAsync();
        await portal.ConstraintAsync("ISTA-FEB-MIRLEFT", "Nouveau: internat sans chauffage", InTheWeek);
        await portal.ConstraintAsync("ISTA-DAKHLA", "En retard: transport des stagiaires", InTheWeek.AddDays(-60), FollowUpStatus.InProgress, new DateOnly(2026, 11, 1));
        await portal.ConstraintAsync("ISTA-DAKHLA", "Clos: clôture du terrain", InTheWeek.AddDays(-60), FollowUpStatus.Resolved, new DateOnly(2026, 11, 1));
        await portal.ConstraintAsync("ISTA-FEB-MIRLEFT", "Ancien: bibliothèque", InTheWeek.AddDays(-30));
        await portal.ConstraintAsync("ISTA-OTHER", "Autre direction: cantine", InTheWeek);

        await portal.RunJobAsync("node-a");

        var mail = Assert.Single(portal.MailTo(Regional), m => m.Subject.Contains(WeeklySubjectFr, StringComparison.Ordinal));
        Assert.Contains("Nouveau: internat sans chauffage", mail.TextBody);
        Assert.Contains("En retard: transport des stagiaires", mail.TextBody);
        Assert.Contains("échéance 2026-11-01", mail.TextBody);
        Assert.DoesNotContain("Clos: clôture du terrain", mail.TextBody);
        Assert.DoesNotContain("Ancien: bibliothèque", mail.TextBody);
        Assert.DoesNotContain("Autre direction", mail.TextBody);
        Assert.Contains("semaine du 2026-11-23 au 2026-11-29", mail.TextBody);
        // Grouped by establishment, in each language: the Arabic part then the French one.
        Assert.Contains("فاضمة البوهالي", mail.TextBody);
        Assert.Contains("ISTA Fadma El Bouhali", mail.TextBody);
        Assert.True(mail.TextBody.IndexOf("فاضمة البوهالي", StringComparison.Ordinal) < mail.TextBody.IndexOf("ISTA Fadma El Bouhali", StringComparison.Ordinal));
        Assert.Contains("dir=\"rtl\"", mail.HtmlBody);
        var other = Assert.Single(portal.MailTo(RegionalTrainingFactory.OtherStaffEmail), m => m.Subject.Contains(WeeklySubjectFr, StringComparison.Ordinal));
        Assert.Contains("Autre direction: cantine", other.TextBody);
        Assert.DoesNotContain("internat sans chauffage", other.TextBody);
    }

    [Fact]
    public async Task HeldNotice_AppearsAtOnceInTheApplication_AndIsMailedInTheDailyDigestOnly()
    {
        using var portal = new DigestPortal();
        var regional = await portal.SignedInClientAsync(Regional, "fr-MA");
        var saved = await regional.PostFormAsync("/Notifications/Preferences", "/Notifications/Preferences", new Dictionary<string, string>
        {
            ["Choices[0].Kind"] = "SheetSubmitted", ["Choices[0].Delivery"] = "DailyDigest",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // Today's daily period is done before the notice: it waits for tomorrow's.
        await portal.RunJobAsync("node-a");
        var ids = new[] { await portal.UserIdAsync(Regional), await portal.UserIdAsync(Staff) };

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<INotificationService>().NotifyAsync(ids, Messages.SubmittedNotice, ["Etablissement-temoin-7731", "2026-2027"], "/Profiles/1/Review");
        }

        Assert.Contains("Etablissement-temoin-7731", await regional.GetStringAsync("/Notifications"));
        Assert.DoesNotContain(portal.MailTo(Regional), m => m.TextBody.Contains("Etablissement-temoin-7731", StringComparison.Ordinal));
        // Staff did not choose the digest: his e-mail went at once.
        Assert.Contains(portal.MailTo(Staff), m => m.TextBody.Contains("Etablissement-temoin-7731", StringComparison.Ordinal));

        portal.Clock.Advance(TimeSpan.FromDays(1));
        await Task.WhenAll(portal.RunJobAsync("node-b"), portal.RunJobAsync("node-c"));

        var digest = Assert.Single(portal.MailTo(Regional), m => m.Subject.Contains(DailySubjectFr, StringComparison.Ordinal));
        Assert.Contains("Etablissement-temoin-7731", digest.TextBody);
        Assert.DoesNotContain(portal.MailTo(Staff), m => m.Subject.Contains(DailySubjectFr, StringComparison.Ordinal));
        Assert.False(await portal.WithDbAsync(db => db.Notifications.AnyAsync(n => n.EmailHeld)));
    }

    [Theory]
    [InlineData("ar-MA", "في ملخص يومي")]
    [InlineData("fr-MA", "Dans un récapitulatif quotidien")]
    [InlineData("en", "In a daily digest")]
    public async Task Preferences_InEachLanguage_ShowTheKindsOfTheRoleAndSave(string culture, string digestLabel)
    {
        using var portal = new DigestPortal();
        var staff = await portal.SignedInClientAsync(Staff, culture);

        var page = await staff.GetStringAsync("/Notifications/Preferences");
        Assert.Contains(digestLabel, page);
        Assert.Contains("value=\"MinutesApproved\"", page);
        Assert.DoesNotContain("value=\"SheetSubmitted\"", page);

        var saved = await staff.PostFormAsync("/Notifications/Preferences", "/Notifications/Preferences", new Dictionary<string, string>
        {
            ["Choices[0].Kind"] = "MinutesApproved", ["Choices[0].Delivery"] = "DailyDigest", ["Choices[1].Kind"] = "SheetReturned", ["Choices[1].Delivery"] = "Immediately",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await portal.WithDbAsync(db => db.NoticePreferences.AsNoTracking().Select(p => new { p.Kind, p.Delivery }).ToListAsync());
        Assert.Contains(stored, p => p.Kind == NoticeKind.MinutesApproved && p.Delivery == NoticeDelivery.DailyDigest);
        Assert.Contains(stored, p => p.Kind == NoticeKind.SheetReturned && p.Delivery == NoticeDelivery.Immediately);
    }

    [Fact]
    public async Task Preferences_ForAKindTheRoleDoesNotReceive_AreRefusedAndNothingIsSaved()
    {
        using var portal = new DigestPortal();
        var staff = await portal.SignedInClientAsync(Staff);

        var refused = await staff.PostFormAsync("/Notifications/Preferences", "/Notifications/Preferences", new Dictionary<string, string>
        {
            ["Choices[0].Kind"] = "SheetSubmitted", ["Choices[0].Delivery"] = "DailyDigest",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("You do not receive this kind of notice.", await refused.Content.ReadAsStringAsync());
        Assert.False(await portal.WithDbAsync(db => db.NoticePreferences.AnyAsync()));
    }

    [Fact]
    public async Task Preferences_OfAnEstablishmentDirector_OfferNothingToGather()
    {
        using var portal = new DigestPortal();
        var director = await portal.SignedInClientAsync("director.mirleft@demo.local", "fr-MA");

        var page = await director.GetStringAsync("/Notifications/Preferences");

        Assert.Contains("Aucune des notifications que vous recevez", page);
    }
}
