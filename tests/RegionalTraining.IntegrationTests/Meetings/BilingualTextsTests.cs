using System.Net;
using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings.Minutes;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Meetings;

/// <summary>The public texts of a meeting held in French and in Arabic: forms, public page fallback, calendar.</summary>
[Collection(PortalCollection.Name)]
public sealed class BilingualTextsTests(RegionalTrainingFactory factory)
{
    private const string FoundingSlug = "2023-01-20-rencontre-des-directeurs-d-etablissements-mirleft";

    private async Task<(HttpClient Staff, int Id, int Establishment)> MeetingAsync(string culture, IDictionary<string, string>? extra = null)
    {
        var staff = await factory.SignedInClientAsync("staff@demo.local", culture);
        var establishment = await factory.EstablishmentIdAsync("ISTA-FEB-MIRLEFT");
        var fields = new Dictionary<string, string>
        {
            ["TitleFr"] = "Réunion bilingue " + Guid.NewGuid().ToString("N")[..6], ["TitleAr"] = "لقاء بلغتين", ["Kind"] = "DirectorsMeeting",
            ["StartsOn"] = "2026-10-05", ["EndsOn"] = "2026-10-05", ["Status"] = "Held", ["InvitedEstablishmentIds"] = establishment.ToString(),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            fields[key] = value;
        }

        var response = await staff.PostFormAsync("/Meetings/Create", "/Meetings/Create", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (staff, int.Parse(response.Headers.Location!.OriginalString.Split('/').Last()), establishment);
    }

    private static Dictionary<string, string> F(params (string Key, string Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);

    [Theory]
    [InlineData("ar-MA")]
    [InlineData("fr-MA")]
    [InlineData("en")]
    public async Task Forms_BothLanguages_AreSavedInTheirColumns(string culture)
    {
        var (staff, id, establishment) = await MeetingAsync(culture, F(("VenueTextFr", "Hôtel Atlas"), ("VenueTextAr", "فندق الأطلس"), ("ChairNameFr", "Le directeur régional"), ("ChairNameAr", "المدير الجهوي")));
        var details = $"/Meetings/Details/{id}";

        await staff.PostFormAsync(details, $"/Meetings/AddAgendaItem/{id}", F(("type", "Discussion"), ("day", "1"), ("speakerFr", "M. Alami"), ("speakerAr", "السيد العلمي")));
        await staff.PostFormAsync(details, $"/Meetings/AddIntervention/{id}", F(("speakerFr", "Mme Bennani"), ("speakerAr", "السيدة بناني"), ("roleFr", "Directrice"), ("roleAr", "مديرة")));
        await staff.PostFormAsync(details, $"/Meetings/AddDecision/{id}", F(("textFr", "Équiper l'atelier"), ("textAr", "تجهيز الورشة"), ("ownerKind", "Directorate")));
        await staff.PostFormAsync(details, $"/Meetings/SaveAttendance/{id}",
            F(("rows[0].EstablishmentId", establishment.ToString()), ("rows[0].Attendance", "Present"), ("rows[0].RepresentedByFr", "M. Idrissi"), ("rows[0].RepresentedByAr", "السيد الإدريسي")));

        var saved = await factory.WithDbAsync(async db => new
        {
            Meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.VenueTextFr, m.VenueTextAr, m.ChairNameFr, m.ChairNameAr }).SingleAsync(),
            Agenda = await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == id).Select(a => new { a.SpeakerFr, a.SpeakerAr }).SingleAsync(),
            Intervention = await db.Interventions.AsNoTracking().Where(i => i.MeetingId == id).Select(i => new { i.SpeakerFr, i.SpeakerAr, i.RoleFr, i.RoleAr }).SingleAsync(),
            Decision = await db.Decisions.AsNoTracking().Where(d => d.MeetingId == id).Select(d => new { d.TextFr, d.TextAr }).SingleAsync(),
            Invitation = await db.MeetingInvitations.AsNoTracking().Where(i => i.MeetingId == id).Select(i => new { i.RepresentedByFr, i.RepresentedByAr }).SingleAsync(),
        });
        Assert.Equal(new { VenueTextFr = (string?)"Hôtel Atlas", VenueTextAr = (string?)"فندق الأطلس", ChairNameFr = (string?)"Le directeur régional", ChairNameAr = (string?)"المدير الجهوي" }, saved.Meeting);
        Assert.Equal(new { SpeakerFr = (string?)"M. Alami", SpeakerAr = (string?)"السيد العلمي" }, saved.Agenda);
        Assert.Equal(new { SpeakerFr = (string?)"Mme Bennani", SpeakerAr = (string?)"السيدة بناني", RoleFr = (string?)"Directrice", RoleAr = (string?)"مديرة" }, saved.Intervention);
        Assert.Equal(new { TextFr = (string?)"Équiper l'atelier", TextAr = (string?)"تجهيز الورشة" }, saved.Decision);
        Assert.Equal(new { RepresentedByFr = (string?)"M. Idrissi", RepresentedByAr = (string?)"السيد الإدريسي" }, saved.Invitation);
    }

    [Theory]
    [InlineData("ar-MA")]
    [InlineData("fr-MA")]
    [InlineData("en")]
    public async Task Forms_OneLanguageEmpty_IsAcceptedAndStoredAsNull(string culture)
    {
        var (staff, id, _) = await MeetingAsync(culture, F(("ChairNameAr", "المدير الجهوي")));

        await staff.PostFormAsync($"/Meetings/Details/{id}", $"/Meetings/AddIntervention/{id}", F(("speakerFr", " "), ("speakerAr", "السيدة بناني")));
        await staff.PostFormAsync($"/Meetings/Details/{id}", $"/Meetings/AddDecision/{id}", F(("textFr", "Décision en français seulement"), ("ownerKind", "Directorate")));

        var intervention = await factory.WithDbAsync(db => db.Interventions.AsNoTracking().Where(i => i.MeetingId == id).Select(i => new { i.SpeakerFr, i.SpeakerAr }).SingleAsync());
        var decision = await factory.WithDbAsync(db => db.Decisions.AsNoTracking().Where(d => d.MeetingId == id).Select(d => new { d.TextFr, d.TextAr }).SingleAsync());
        var chair = await factory.WithDbAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => new { m.ChairNameFr, m.ChairNameAr }).SingleAsync());
        Assert.Equal((null, "السيدة بناني"), (intervention.SpeakerFr, intervention.SpeakerAr));
        Assert.Equal(("Décision en français seulement", null), (decision.TextFr, decision.TextAr));
        Assert.Equal((null, "المدير الجهوي"), (chair.ChairNameFr, chair.ChairNameAr));
    }

    [Theory]
    [InlineData("ar-MA")]
    [InlineData("fr-MA")]
    [InlineData("en")]
    public async Task Forms_TooLongOrNeitherLanguage_AreRefusedAndAddNothing(string culture)
    {
        var (staff, id, _) = await MeetingAsync(culture);
        var details = $"/Meetings/Details/{id}";

        var posts = new[]
        {
            await staff.PostFormAsync(details, $"/Meetings/AddAgendaItem/{id}", F(("type", "Discussion"), ("day", "1"), ("speakerAr", new string('ع', FieldLengths.PersonName + 1)))),
            await staff.PostFormAsync(details, $"/Meetings/AddIntervention/{id}", F(("speakerFr", "M. Alami"), ("roleAr", new string('ع', FieldLengths.PersonName + 1)))),
            await staff.PostFormAsync(details, $"/Meetings/AddIntervention/{id}", F(("speakerFr", ""), ("speakerAr", ""), ("roleFr", "Directeur"))),
            await staff.PostFormAsync(details, $"/Meetings/AddDecision/{id}", F(("textAr", new string('ع', FieldLengths.Text + 1)), ("ownerKind", "Directorate"))),
            await staff.PostFormAsync(details, $"/Meetings/AddDecision/{id}", F(("textFr", " "), ("textAr", ""), ("ownerKind", "Directorate"))),
        };

        Assert.All(posts, p => Assert.True(p.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.UnprocessableEntity, p.StatusCode.ToString()));
        var counts = await factory.WithDbAsync(async db => (
            await db.AgendaItems.CountAsync(a => a.MeetingId == id), await db.Interventions.CountAsync(i => i.MeetingId == id), await db.Decisions.CountAsync(d => d.MeetingId == id)));
        Assert.Equal((0, 0, 0), counts);
    }

    [Theory]
    [InlineData("ar-MA")]
    [InlineData("fr-MA")]
    [InlineData("en")]
    public async Task MeetingForm_TooLongChairInArabic_Is422AndKeepsWhatWasTyped(string culture)
    {
        var staff = await factory.SignedInClientAsync("staff@demo.local", culture);
        var tooLong = new string('ع', FieldLengths.PersonName + 1);

        var response = await staff.PostFormAsync("/Meetings/Create", "/Meetings/Create", F(
            ("TitleFr", "Réunion"), ("TitleAr", "لقاء"), ("Kind", "DirectorsMeeting"), ("StartsOn", "2026-10-05"), ("EndsOn", "2026-10-05"), ("Status", "Planned"),
            ("ChairNameFr", "Le directeur régional"), ("ChairNameAr", tooLong)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(tooLong, html);
        Assert.Contains("Le directeur régional", html);
    }

    [Fact]
    public async Task PublicPage_ArabicOnlyTexts_OnTheFrenchPage_AreMarkedArabicRightToLeft()
    {
        var (staff, id, _) = await MeetingAsync("fr-MA", F(("ChairNameAr", "المدير الجهوي"), ("VenueTextFr", "Hôtel Atlas, Guelmim"), ("VenueTextAr", "فندق الأطلس، كلميم")));
        var regional = await factory.SignedInClientAsync("regional.director@demo.local");
        await staff.PostFormAsync($"/Meetings/Details/{id}", $"/Meetings/AddDecision/{id}", F(("textAr", "تجهيز الورشة"), ("ownerKind", "Directorate")));
        await staff.PostFormAsync($"/Meetings/Summary/{id}", $"/Meetings/Summary/{id}", F(("BodyFr", "Compte rendu."), ("BodyAr", "تقرير."), ("RowVersion", ""), ("CorrectionReason", "")));
        foreach (var (client, action) in new[] { (staff, SummaryAction.SendToReview), (regional, SummaryAction.Approve), (staff, SummaryAction.Publish) })
        {
            await client.PostFormAsync($"/Meetings/Details/{id}", $"/Meetings/Transition/{id}", F(("action", action.ToString())));
        }

        var slug = await factory.WithDbAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => m.Slug).SingleAsync());
        var french = await factory.NewClient("fr-MA").GetStringAsync("/archive/" + slug);
        var arabic = await factory.NewClient("ar-MA").GetStringAsync("/archive/" + slug);

        Assert.Contains("<span lang=\"ar\" dir=\"rtl\">المدير الجهوي</span>", french);
        Assert.Contains("<span lang=\"ar\" dir=\"rtl\">تجهيز الورشة</span>", french);
        Assert.Contains("Hôtel Atlas, Guelmim", french);
        Assert.DoesNotContain("<span lang=\"ar\" dir=\"rtl\">المدير الجهوي</span>", arabic);
        Assert.Contains("المدير الجهوي", arabic);
        Assert.Contains("فندق الأطلس، كلميم", arabic);
    }

    [Theory]
    [InlineData("fr-MA", "ISTA Fadma El Bouhali, Mirleft", "Le directeur régional")]
    [InlineData("ar-MA", "المعهد المتخصص للتكنولوجيا التطبيقية فاضمة البوهالي، ميرلفت", "المدير الجهوي")]
    public async Task FoundingMeeting_ShowsTheVenueWithItsTownAndTheChairInThePageLanguage(string culture, string venue, string chair)
    {
        var html = await factory.NewClient(culture).GetStringAsync("/archive/" + FoundingSlug);

        Assert.Contains("<span class=\"meeting-venue\">" + venue + "</span>", html);
        Assert.Contains(chair, html);
    }

    [Fact]
    public async Task CalendarFeed_Location_IsFrenchSlashArabicWithTheTown()
    {
        var text = await factory.NewClient().GetStringAsync("/archive/calendar.ics");

        Assert.Contains(@"LOCATION:ISTA Fadma El Bouhali\, Mirleft / المعهد المتخصص للتكنولوجيا التطبيقية فاضمة البوهالي، ميرلفت", text.Replace("\r\n ", string.Empty));
    }
}
