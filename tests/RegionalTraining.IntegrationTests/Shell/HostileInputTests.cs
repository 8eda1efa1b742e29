using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Meetings;
using RegionalTraining.IntegrationTests.Infrastructure;
using RegionalTraining.IntegrationTests.Profiles;

namespace RegionalTraining.IntegrationTests.Shell;

/// <summary>
/// Every form of the portal, posted in the three languages with ordinary data and with what an attacker or a
/// careless paste sends: never a 500, and nothing longer than its column stored.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class HostileInputTests(RegionalTrainingFactory factory)
{
    private const string Admin = "admin@demo.local";
    private const string Staff = "staff@demo.local";
    private const string Regional = "regional.director@demo.local";
    private const string Director = "director.mirleft@demo.local";

    public static TheoryData<string> Cultures => new() { "ar-MA", "fr-MA", "en" };

    /// <summary>A post of one form: who posts it, the page holding it, where it goes, and ordinary values.</summary>
    private sealed record Entry(string User, Func<Ids, string> Page, Func<Ids, string> Target, Func<Ids, Dictionary<string, string>> Valid);

    private sealed record Ids(int Meeting, int Decision, int Agenda, int Intervention, int Attachment, int Profile, int Establishment, int Campaign, int Year, string StaffUserId, int Directorate, int RegisterItem,
        int Partner = 0, int Offer = 0, int Need = 0);

    private static Dictionary<string, string> F(params (string Key, string Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);

    /// <summary>Every POST action of the portal; a new one without an entry fails <see cref="EveryPostAction_HasAnEntry"/>.</summary>
    private static readonly Dictionary<string, Entry> Forms = new()
    {
        ["AccountController.Login"] = new(string.Empty, _ => "/Account/Login", _ => "/Account/Login", _ => F(("Email", "nobody@demo.local"), ("Password", "not the password at all"))),
        ["AccountController.Logout"] = new(Staff, _ => "/", _ => "/Account/Logout", _ => F()),
        ["AccountController.ForgotPassword"] = new(string.Empty, _ => "/Account/ForgotPassword", _ => "/Account/ForgotPassword", _ => F(("Email", "nobody@demo.local"))),
        ["AccountController.ResetPassword"] = new(string.Empty, _ => "/Account/ForgotPassword", _ => "/Account/ResetPassword", _ => F(("UserId", "nobody"), ("Code", "abc"), ("Password", "a long enough password"), ("ConfirmPassword", "a long enough password"))),
        ["AccountController.ChangePassword"] = new(Staff, _ => "/Account/ChangePassword", _ => "/Account/ChangePassword", _ => F(("CurrentPassword", "wrong password here"), ("NewPassword", "another long password"), ("ConfirmPassword", "another long password"))),
        ["CampaignsController.Create"] = new(Staff, _ => "/Campaigns", _ => "/Campaigns/Create", i => F(("TrainingYearId", i.Year.ToString()), ("OpensOn", "2031-09-01"), ("Deadline", "2031-10-01"))),
        ["CampaignsController.Remind"] = new(Staff, _ => "/Campaigns", i => $"/Campaigns/Remind/{i.Campaign}", _ => F()),
        ["EstablishmentsController.Edit"] = new(Admin, i => $"/Establishments/Edit/{i.Establishment}", i => $"/Establishments/Edit/{i.Establishment}", _ => F(("NameFr", "ISTA"), ("NameAr", "معهد"), ("Longitude", "-9,5"), ("Latitude", "29.4"))),
        ["ReferenceImportsController.Index"] = new(Admin, _ => "/ReferenceData/Programmes/Import", _ => "/ReferenceData/Programmes/Import", _ => F(("kind", "Programmes"))),
        ["ReferenceImportsController.Confirm"] = new(Admin, _ => "/ReferenceData/Establishments/Import", _ => "/ReferenceData/Establishments/Import/Confirm", _ => F(("importId", Guid.Empty.ToString()))),
        ["EstablishmentsController.Create"] = new(Admin, _ => "/Establishments/Create", _ => "/Establishments/Create", _ => F(("Code", "ISTA-HOSTILE-" + Guid.NewGuid().ToString("N")[..6]), ("Type", "ISTA"), ("ProvinceId", "1"), ("NameFr", "ISTA essai"), ("NameAr", "معهد تجريبي"), ("Longitude", "-9.5"))),
        ["MeetingsController.Create"] = new(Staff, _ => "/Meetings/Create", _ => "/Meetings/Create", _ => F(("TitleFr", "Réunion"), ("TitleAr", "لقاء"), ("StartsOn", "2026-10-05"), ("EndsOn", "2026-10-05"), ("Kind", "DirectorsMeeting"), ("Status", "Planned"), ("FollowUpOfPrevious", "true"))),
        ["MeetingsController.Edit"] = new(Staff, i => $"/Meetings/Edit/{i.Meeting}", i => $"/Meetings/Edit/{i.Meeting}", _ => F(("TitleFr", "Réunion"), ("TitleAr", "لقاء"), ("StartsOn", "2026-10-05"), ("EndsOn", "2026-10-05"), ("VenueTextFr", "Hôtel"), ("ChairNameAr", "المدير الجهوي"), ("CorrectionReason", "Titre corrigé"))),
        ["MeetingsController.AddAgendaItem"] = new(Staff, Details, i => $"/Meetings/AddAgendaItem/{i.Meeting}", _ => F(("type", "Discussion"), ("titleFr", "Débat"), ("speakerFr", "M. Alami"), ("speakerAr", "السيد العلمي"), ("plannedMinutes", "30"), ("day", "1"), ("correctionReason", "Coquille"))),
        ["MeetingsController.MoveAgendaItem"] = new(Staff, Details, i => $"/Meetings/MoveAgendaItem/{i.Meeting}", i => F(("itemId", i.Agenda.ToString()), ("offset", "1"), ("correctionReason", "Ordre erroné"))),
        ["MeetingsController.RemoveAgendaItem"] = new(Staff, Details, i => $"/Meetings/RemoveAgendaItem/{i.Meeting}", _ => F(("itemId", "0"))),
        ["MeetingsController.SaveAttendance"] = new(Staff, Details, i => $"/Meetings/SaveAttendance/{i.Meeting}", i => F(("rows[0].EstablishmentId", i.Establishment.ToString()), ("rows[0].Attendance", "Present"), ("rows[0].RepresentedByFr", "Mme Idrissi"), ("rows[0].RepresentedByAr", "السيدة الإدريسي"), ("correctionReason", "Présence corrigée"))),
        ["MeetingsController.AddIntervention"] = new(Staff, Details, i => $"/Meetings/AddIntervention/{i.Meeting}", _ => F(("speakerFr", "M. Alami"), ("speakerAr", "السيد العلمي"), ("roleFr", "Directeur"), ("roleAr", "مدير"), ("summaryFr", "Résumé"))),
        ["MeetingsController.RemoveIntervention"] = new(Staff, Details, i => $"/Meetings/RemoveIntervention/{i.Meeting}", _ => F(("interventionId", "0"), ("correctionReason", "Doublon"))),
        ["MeetingsController.AddDecision"] = new(Staff, Details, i => $"/Meetings/AddDecision/{i.Meeting}", _ => F(("textFr", "Équiper l'atelier"), ("textAr", "تجهيز الورشة"), ("ownerKind", "Partner"), ("ownerPartner", "Commune"), ("dueOn", "2026-12-31"))),
        ["MeetingsController.AddAttachment"] = new(Staff, Details, i => $"/Meetings/AddAttachment/{i.Meeting}", _ => F(("caption", "Photo"), ("correctionReason", "Photo ajoutée"))),
        ["MeetingsController.RemoveAttachment"] = new(Staff, Details, i => $"/Meetings/RemoveAttachment/{i.Meeting}", _ => F(("attachmentId", "0"))),
        ["MeetingsController.AddDecisionNote"] = new(Staff, Details, i => $"/Meetings/AddDecisionNote/{i.Meeting}", i => F(("decisionId", i.Decision.ToString()), ("text", "En cours"), ("status", "InProgress"))),
        ["MeetingsController.Summary"] = new(Staff, i => $"/Meetings/Summary/{i.Meeting}", i => $"/Meetings/Summary/{i.Meeting}", _ => F(("BodyFr", "Compte rendu"), ("BodyAr", "محضر"))),
        ["MeetingsController.Transition"] = new(Regional, Details, i => $"/Meetings/Transition/{i.Meeting}", _ => F(("action", "SendBack"))),
        ["NotificationsController.MarkAllRead"] = new(Director, _ => "/Notifications", _ => "/Notifications/MarkAllRead", _ => F()),
        ["NotificationsController.Preferences"] = new(Staff, _ => "/Notifications/Preferences", _ => "/Notifications/Preferences", _ => F(("Choices[0].Kind", "MinutesApproved"), ("Choices[0].Delivery", "Immediately"))),
        ["ProfileSheetsController.Import"] = new(Director, i => $"/Profiles/{i.Profile}/Sheet/Import", i => $"/Profiles/{i.Profile}/Sheet/Import", _ => F()),
        ["ProfileSheetsController.Confirm"] = new(Director, i => $"/Profiles/{i.Profile}/Sheet/Import", i => $"/Profiles/{i.Profile}/Sheet/Confirm", _ => F(("importId", Guid.Empty.ToString()))),
        ["ProfilesController.Start"] = new(Director, _ => "/Profiles", _ => "/Profiles/Start", i => F(("establishmentId", i.Establishment.ToString()), ("trainingYearId", i.Year.ToString()))),
        ["ProfilesController.General"] = new(Director, i => $"/Profiles/{i.Profile}/General", i => $"/Profiles/{i.Profile}/General", _ => F(("AddressFr", "Route de Tiznit"), ("Phone", "0528 00 00 00"), ("BuildingCondition", "Good"))),
        ["ProfilesController.HumanResources"] = new(Director, i => $"/Profiles/{i.Profile}/HumanResources", i => $"/Profiles/{i.Profile}/HumanResources", _ => F(("PermanentTrainers", "12"), ("PermanentTrainersWomen", "5"))),
        ["ProfilesController.MaterialResources"] = new(Director, i => $"/Profiles/{i.Profile}/MaterialResources", i => $"/Profiles/{i.Profile}/MaterialResources", _ => F(("Classrooms", "8"), ("Equipment[0].Name", "Tour"), ("Equipment[0].Quantity", "2"), ("Equipment[0].Condition", "Good"))),
        ["ProfilesController.Programmes"] = new(Director, i => $"/Profiles/{i.Profile}/Programmes", i => $"/Profiles/{i.Profile}/Programmes", _ => F(("Programmes[0].ProgrammeId", "1"), ("Programmes[0].Groups", "1"))),
        ["ProfilesController.Needs"] = new(Director, i => $"/Profiles/{i.Profile}/Needs", i => $"/Profiles/{i.Profile}/Needs", _ => F(("Needs[0].Category", "Equipment"), ("Needs[0].Description", "Ordinateurs"), ("Needs[0].EstimatedCostMad", "12000,50"), ("Needs[0].Priority", "High"))),
        ["ProfilesController.Constraints"] = new(Director, i => $"/Profiles/{i.Profile}/Constraints", i => $"/Profiles/{i.Profile}/Constraints", _ => F(("Constraints[0].Category", "Infrastructure"), ("Constraints[0].Description", "Toiture"), ("Constraints[0].Severity", "Moderate"))),
        ["ProfilesController.Submit"] = new(Director, i => $"/Profiles/{i.Profile}/Review", i => $"/Profiles/{i.Profile}/Submit", _ => F()),
        ["ProfilesController.Return"] = new(Staff, i => $"/Profiles/{i.Profile}/Review", i => $"/Profiles/{i.Profile}/Return", _ => F(("comments[General]", "Adresse à compléter"))),
        ["ProfilesController.Approve"] = new(Regional, i => $"/Profiles/{i.Profile}/Review", i => $"/Profiles/{i.Profile}/Approve", _ => F()),
        ["ProfilesController.Reopen"] = new(Regional, i => $"/Profiles/{i.Profile}/Review", i => $"/Profiles/{i.Profile}/Reopen", _ => F(("reason", "Correction des effectifs"))),
        ["RegisterController.Act"] = new(Staff, i => $"/Register/Constraint/{i.RegisterItem}", i => $"/Register/Constraint/{i.RegisterItem}", _ => F(("Action", "Comment"), ("Text", "Commentaire"))),
        ["RegisterController.BulkAssign"] = new(Staff, _ => "/Register", _ => "/Register/BulkAssign", i => F(("ConstraintIds", i.RegisterItem.ToString()), ("Owner", "Directorate"), ("DueOn", "2031-12-31"), ("Plan", "Réhabilitation"))),
        ["PartnersController.Create"] = new(Staff, _ => "/Partners/Create", _ => "/Partners/Create", _ => F(("Kind", "Company"), ("NameFr", "Entreprise"), ("NameAr", "مقاولة"), ("ProvinceId", "1"), ("Contacts[0].Name", "M. Alami"), ("Contacts[0].Role", "Gérant"), ("Contacts[0].Phone", "+212 600 00 00 00"), ("Contacts[0].Email", "alami@example.ma"))),
        ["PartnersController.Edit"] = new(Staff, i => $"/Partners/Edit/{i.Partner}", i => $"/Partners/Edit/{i.Partner}", _ => F(("Kind", "Chamber"), ("NameFr", "Chambre"), ("NameAr", "غرفة"), ("Contacts[0].Name", "Mme Idrissi"))),
        ["OffersController.Create"] = new(Staff, i => $"/Partners/{i.Partner}/Offers/Create", i => $"/Partners/{i.Partner}/Offers/Create", i => F(("Kind", "Equipment"), ("Description", "Tours"), ("Quantity", "2"), ("Unit", "machines"), ("ValueMad", "12 000,50"), ("EstablishmentId", i.Establishment.ToString()), ("FromOn", "2027-01-01"), ("ToOn", "2027-06-30"), ("Status", "Open"))),
        ["OffersController.Edit"] = new(Staff, i => $"/Offers/Edit/{i.Offer}", i => $"/Offers/Edit/{i.Offer}", _ => F(("Kind", "Transport"), ("Description", "Bus"), ("Quantity", "1"), ("Unit", "bus"), ("Status", "Open"))),
        ["OffersController.Link"] = new(Staff, i => $"/Offers/Suggestions/{i.Offer}", i => $"/Offers/Link/{i.Offer}", i => F(("type", "Need"), ("itemId", i.Need.ToString()), ("fromItem", "false"))),
        ["OffersController.Unlink"] = new(Staff, i => $"/Offers/Suggestions/{i.Offer}", i => $"/Offers/Unlink/{i.Offer}", i => F(("type", "Constraint"), ("itemId", i.RegisterItem.ToString()), ("fromItem", "true"))),
        ["RegisterController.Raise"] = new(Staff, _ => "/Register/Raise", _ => "/Register/Raise", i => F(("Type", "Constraint"), ("EstablishmentId", i.Establishment.ToString()), ("Category", "Infrastructure"), ("Description", "Toiture"), ("Severity", "Serious"))),
        ["ProgrammesController.Create"] = new(Admin, _ => "/Programmes/Create", _ => "/Programmes/Create", _ => F(("Code", "P-HOSTILE-" + Guid.NewGuid().ToString("N")[..6]), ("SectorId", "1"), ("Level", "Technician"), ("NameFr", "Programme"), ("NameAr", "برنامج"), ("DurationMonths", "24"))),
        ["ProgrammesController.Edit"] = new(Admin, _ => "/Programmes/Edit/1", _ => "/Programmes/Edit/1", _ => F(("Code", "X"), ("SectorId", "1"), ("Level", "Technician"), ("NameFr", "Programme"), ("NameAr", "برنامج"), ("DurationMonths", "24"))),
        ["ProvincesController.Edit"] = new(Admin, _ => "/Provinces/Edit/1", _ => "/Provinces/Edit/1", _ => F(("NameFr", "Province"), ("NameAr", "إقليم"), ("RegionId", "1"))),
        ["UsersController.Create"] = new(Admin, _ => "/Users/Create", _ => "/Users/Create", i => F(("Email", $"new.{Guid.NewGuid():N}@demo.local"[..30]), ("DisplayName", "Nouveau"), ("Role", "DirectorateStaff"), ("DirectorateId", i.Directorate.ToString()))),
        ["UsersController.Edit"] = new(Admin, i => $"/Users/Edit/{i.StaffUserId}", i => $"/Users/Edit/{i.StaffUserId}", i => F(("Email", Staff), ("DisplayName", "Cadre"), ("Role", "DirectorateStaff"), ("DirectorateId", i.Directorate.ToString()))),
        ["UsersController.SetDisabled"] = new(Admin, _ => "/Users", i => $"/Users/SetDisabled/{i.StaffUserId}", _ => F(("disabled", "false"))),
        // An unknown account: resetting a demo account's second factor would renew its stamp and end the sessions
        // other tests of this portal hold for it.
        ["UsersController.ResetTwoFactor"] = new(Admin, _ => "/Users", _ => "/Users/ResetTwoFactor/no-such-account", _ => F()),
        ["SessionsController.End"] = new(Director, _ => "/Sessions", _ => "/Sessions/End/no-such-session", _ => F()),
        // Signed out, for the same reason: these end sessions or renew the stamp of the account that posts them.
        ["SessionsController.EndOthers"] = new(string.Empty, _ => "/Account/Login", _ => "/Sessions/EndOthers", _ => F()),
        ["SessionsController.EndAll"] = new(string.Empty, _ => "/Account/Login", _ => "/Sessions/EndAll", _ => F()),
        ["TwoFactorController.Start"] = new(string.Empty, _ => "/Account/Login", _ => "/TwoFactor/Start", _ => F()),
        ["TwoFactorController.Enable"] = new(string.Empty, _ => "/Account/Login", _ => "/TwoFactor/Enable", _ => F(("Code", "123456"))),
        ["TwoFactorController.Disable"] = new(string.Empty, _ => "/Account/Login", _ => "/TwoFactor/Disable", _ => F()),
        ["TwoFactorController.RecoveryCodes"] = new(string.Empty, _ => "/Account/Login", _ => "/TwoFactor/RecoveryCodes", _ => F()),
        ["TwoFactorLoginController.Index"] = new(string.Empty, _ => "/Account/Login", _ => "/TwoFactorLogin", _ => F(("Code", "123456"), ("RememberBrowser", "false"))),
        ["TwoFactorLoginController.Recovery"] = new(string.Empty, _ => "/Account/Login", _ => "/TwoFactorLogin/Recovery", _ => F(("RecoveryCode", "abcd-efgh"))),
    };

    private static string Details(Ids i) => $"/Meetings/Details/{i.Meeting}";

    /// <summary>What a hostile client types into every field: far too long, with a NUL and a right-to-left override.</summary>
    private static readonly string[] HostileValues = [new string('x', 100_001), "a\0b\u202Ec", "999", "-1", "٣٫٥", "' OR 1=1 --"];

    [Fact]
    public void EveryPostAction_HasAnEntry()
    {
        var posts = typeof(RegionalTraining.Web.Infrastructure.WebSetup).Assembly.GetTypes()
            .Where(t => typeof(Microsoft.AspNetCore.Mvc.ControllerBase).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes(true).OfType<Microsoft.AspNetCore.Mvc.Routing.IActionHttpMethodProvider>().Any(p => p.HttpMethods.Contains("POST")))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();
        var missing = posts.Where(n => !Forms.ContainsKey(n)).ToList();

        Assert.True(missing.Count == 0, "POST actions without an entry: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task EveryForm_WithOrdinaryData_NeverAnswers500(string culture)
    {
        var ids = await IdsAsync();
        var failures = new List<string>();
        foreach (var (name, entry) in Forms.Where(f => f.Key != "AccountController.Logout"))
        {
            var response = await PostAsync(entry, ids, culture, entry.Valid(ids));
            if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.BadRequest)
            {
                failures.Add($"{name}: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task EveryForm_WithHostileData_AnswersAFieldErrorOr4xx_AndStoresNothingOversized(string culture)
    {
        var ids = await IdsAsync();
        var failures = new List<string>();
        foreach (var (name, entry) in Forms.Where(f => f.Key != "AccountController.Logout"))
        {
            foreach (var hostile in HostileValues)
            {
                var fields = entry.Valid(ids).ToDictionary(f => f.Key, _ => hostile);
                var response = await PostAsync(entry, ids, culture, fields);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{name} with {hostile[..Math.Min(12, hostile.Length)]}…: {(int)response.StatusCode}");
                }
            }
        }

        failures.AddRange(await OversizedStoredAsync());
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task UndefinedEnumValue_IsRefused_AndNothingIsStored(string culture)
    {
        var ids = await IdsAsync();
        var before = await factory.WithDbAsync(db => db.Decisions.CountAsync(d => d.MeetingId == ids.Meeting));

        var response = await PostAsync(Forms["MeetingsController.AddDecision"], ids, culture, F(("textFr", "Décision piégée"), ("ownerKind", "999")));
        var after = await factory.WithDbAsync(db => db.Decisions.CountAsync(d => d.MeetingId == ids.Meeting));
        var transition = await PostAsync(Forms["MeetingsController.Transition"], ids, culture, F(("action", "999")));

        Assert.Equal(before, after);
        Assert.True((int)response.StatusCode < 500);
        Assert.Equal(HttpStatusCode.BadRequest, transition.StatusCode);
    }

    [Fact]
    public async Task OversizedAgendaTitle_IsAFieldError_AndNotStored()
    {
        var ids = await IdsAsync();
        var staff = await factory.SignedInClientAsync(Staff, "fr-MA");

        var response = await staff.PostFormAsync(Details(ids), $"/Meetings/AddAgendaItem/{ids.Meeting}", F(("type", "Discussion"), ("titleFr", new string('x', 100_000))));
        var page = await staff.GetStringAsync(Details(ids));
        var longest = await factory.WithDbAsync(db => db.AgendaItems.Where(a => a.MeetingId == ids.Meeting).MaxAsync(a => (int?)a.TitleFr!.Length));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("300", page);
        Assert.True((longest ?? 0) <= 300);
    }

    [Fact]
    public async Task ControlAndBidiCharacters_AreRemovedFromStoredText()
    {
        var ids = await IdsAsync();
        var staff = await factory.SignedInClientAsync(Staff);
        var marker = "Nettoyé" + Guid.NewGuid().ToString("N")[..6];

        var response = await staff.PostFormAsync(Details(ids), $"/Meetings/AddAgendaItem/{ids.Meeting}", F(("type", "Discussion"), ("titleFr", marker + "\u0007\u202Egpj.exe\u2066"), ("titleAr", "سطر\nثان")));
        // The framework's form reader itself refuses a NUL byte: the portal answers its localized 400.
        var nul = await staff.PostFormAsync(Details(ids), $"/Meetings/AddAgendaItem/{ids.Meeting}", F(("type", "Discussion"), ("titleFr", "a\0b")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        var stored = await factory.WithDbAsync(db => db.AgendaItems.SingleAsync(a => a.TitleFr!.StartsWith(marker)));

        Assert.Equal(marker + "gpj.exe", stored.TitleFr);
        Assert.Equal("سطر\nثان", stored.TitleAr);
    }

    [Theory]
    [InlineData("ar-MA", "تعذّرت معالجة الطلب", "ما أُرسل كبير جدا")]
    [InlineData("fr-MA", "La demande n'a pas pu être traitée", "Les données envoyées sont trop volumineuses")]
    [InlineData("en", "The request could not be processed", "What was sent is too large")]
    public async Task UnreadableBodies_AnswerALocalized400Or413(string culture, string badRequestTitle, string tooLargeTitle)
    {
        var ids = await IdsAsync();
        var staff = await factory.SignedInClientAsync(Staff, culture);
        var token = await staff.AntiforgeryTokenAsync(Details(ids));

        var malformed = new ByteArrayContent(Encoding.ASCII.GetBytes("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue"));
        malformed.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
        var broken = await staff.PostAsync($"/Meetings/AddAgendaItem/{ids.Meeting}", malformed);
        var flood = await staff.PostAsync($"/Meetings/AddAgendaItem/{ids.Meeting}", new FormUrlEncodedContent(
            Enumerable.Range(0, 1100).Select(i => new KeyValuePair<string, string>("f" + i, "1")).Append(new("__RequestVerificationToken", token))));
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(new byte[12 * 1024 * 1024]), "file", "big.png" },
        };
        var tooLarge = await staff.PostAsync($"/Meetings/AddAttachment/{ids.Meeting}", upload);

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains(badRequestTitle, WebUtility.HtmlDecode(await broken.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, flood.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains(tooLargeTitle, WebUtility.HtmlDecode(await tooLarge.Content.ReadAsStringAsync()));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task EstablishmentForms_OpenInEveryLanguage(string culture)
    {
        var admin = await factory.SignedInClientAsync(Admin, culture);

        var edit = await admin.GetAsync("/Establishments/Edit/1");
        var create = await admin.GetAsync("/Establishments/Create");

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
    }

    private readonly Dictionary<string, HttpClient> _clients = [];

    private async Task<HttpResponseMessage> PostAsync(Entry entry, Ids ids, string culture, Dictionary<string, string> fields)
    {
        // Signing in costs a deliberately slow password hash: one session per account and language.
        var session = entry.User + "|" + culture;
        if (!_clients.TryGetValue(session, out var client))
        {
            client = entry.User.Length == 0 ? factory.NewClient(culture) : await factory.SignedInClientAsync(entry.User, culture);
            _clients[session] = client;
        }

        var token = await client.AntiforgeryTokenAsync(entry.Page(ids));
        var values = fields.Append(new("__RequestVerificationToken", token));
        if (entry.Target(ids).Contains("AddAttachment", StringComparison.Ordinal))
        {
            var form = new MultipartFormDataContent();
            foreach (var (key, value) in values)
            {
                form.Add(new StringContent(value), key);
            }

            form.Add(new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]), "file", "photo.png");
            return await client.PostAsync(entry.Target(ids), form);
        }

        return await client.PostAsync(entry.Target(ids), new FormUrlEncodedContent(values));
    }

    /// <summary>Every stored text longer than its column's maximum, whatever table it is in.</summary>
    private Task<List<string>> OversizedStoredAsync() => factory.WithDbAsync(async db =>
    {
        var found = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.ClrType != typeof(Dictionary<string, object>)))
        {
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is not null))
            {
                var table = entity.GetTableName();
                var column = property.GetColumnName();
                var max = property.GetMaxLength()!.Value;
#pragma warning disable EF1002 // Table and column names come from the model, not from input.
                var count = await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\" WHERE length(\"{column}\") > {max}").SingleAsync();
#pragma warning restore EF1002
                if (count > 0)
                {
                    found.Add($"{entity.DisplayName()}.{property.Name}: {count} rows over {max}");
                }
            }
        }

        return found;
    });

    private async Task<Ids> IdsAsync()
    {
        await ProfileFixtures.EnsureCampaignAsync(factory, "DR-SUD", 2024);
        var staff = await factory.SignedInClientAsync(Staff);
        var establishment = await factory.EstablishmentIdAsync("ISTA-FEB-MIRLEFT");
        var created = await staff.PostFormAsync("/Meetings/Create", "/Meetings/Create", F(("TitleFr", "Réunion hostile " + Guid.NewGuid().ToString("N")[..6]), ("TitleAr", "لقاء"),
            ("StartsOn", "2026-10-05"), ("EndsOn", "2026-10-05"), ("Status", "Held"), ("InvitedEstablishmentIds", establishment.ToString())));
        var meeting = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        await staff.PostFormAsync($"/Meetings/Details/{meeting}", $"/Meetings/AddAgendaItem/{meeting}", F(("type", "Discussion"), ("titleFr", "Point")));
        await staff.PostFormAsync($"/Meetings/Details/{meeting}", $"/Meetings/AddDecision/{meeting}", F(("textFr", "Décision"), ("ownerKind", "Directorate")));
        await staff.PostFormAsync($"/Meetings/Summary/{meeting}", $"/Meetings/Summary/{meeting}", F(("BodyFr", "Compte rendu"), ("BodyAr", "محضر")));
        var director = await factory.SignedInClientAsync(Director);
        var profile = await ProfileFixtures.StartAsync(factory, director, "ISTA-FEB-MIRLEFT", 2024);
        var ids = await factory.WithDbAsync(async db => new Ids(
            meeting,
            await db.Decisions.Where(d => d.MeetingId == meeting).Select(d => d.Id).FirstAsync(),
            await db.AgendaItems.Where(a => a.MeetingId == meeting).Select(a => a.Id).FirstAsync(),
            0, 0, profile, establishment,
            await db.Campaigns.Select(c => c.Id).FirstAsync(),
            await db.TrainingYears.Where(y => y.StartYear == 2024).Select(y => y.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == Staff).Select(u => u.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == Staff).Select(u => u.DirectorateId!.Value).SingleAsync(),
            await RegisterItemAsync(db, establishment)));
        return await WithCooperationAsync(ids);
    }

    private static async Task<int> RegisterItemAsync(RegionalTraining.Core.Data.AppDbContext db, int establishment)
    {
        var item = new RegionalTraining.Core.NeedsAndConstraints.Constraint { EstablishmentId = establishment, Description = "Contrainte hostile" };
        db.Constraints.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }
}
