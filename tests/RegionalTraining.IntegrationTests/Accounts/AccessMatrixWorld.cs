using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Profiles;
using RegionalTraining.IntegrationTests.Infrastructure;
using RegionalTraining.IntegrationTests.Profiles;

namespace RegionalTraining.IntegrationTests.Accounts;

/// <summary>Who calls, in the order of the matrix's columns.</summary>
public enum Caller
{
    Anonymous,
    Administrator,
    RegionalDirector,
    Staff,
    OtherStaff,
    Director,
    OtherDirector,
}

/// <summary>
/// Which resource is tried: <see cref="Main"/> belongs to the southern directorate and to ISTA Mirleft (whose
/// director is <see cref="Caller.Director"/>); <see cref="Other"/> to the test directorate DR-OTHER and its ISTA.
/// </summary>
public enum Side
{
    Main,
    Other,
}

/// <summary>The ids a row's address and form are built from, for one side.</summary>
public sealed record MatrixIds(
    int Directorate, int Establishment, int Meeting, string Slug, int Item, int Intervention, int Decision, int Attachment,
    int Profile, int Campaign, int Year, int Province, int Programme, string User, string Session = "", int RegisterItem = 0,
    int Partner = 0, int Offer = 0, int Need = 0, int Evidence = 0, int Constraint = 0);

/// <summary>
/// The matrix's fixtures: one signed-in client and one antiforgery token per caller, and the data each row
/// needs on both sides. Built once per portal, so callers sign in once, not once per row.
/// </summary>
public sealed class MatrixWorld : IAsyncDisposable
{
    public const int SharedYear = 2018;
    public const int StartYear = 2020;

    private static readonly ConditionalWeakTable<RegionalTrainingFactory, Task<MatrixWorld>> Worlds = [];
    private static int _counter;

    private readonly Dictionary<Caller, (HttpClient Client, string Token)> _callers = [];
    private readonly Dictionary<Side, MatrixIds> _shared = [];
    private SqliteConnection _watch = null!;

    private MatrixWorld(RegionalTrainingFactory factory) => Factory = factory;

    public RegionalTrainingFactory Factory { get; }

    public IReadOnlyDictionary<int, string?> OriginalPhones { get; private set; } = new Dictionary<int, string?>();

    public static readonly IReadOnlyDictionary<Caller, string> Emails = new Dictionary<Caller, string>
    {
        [Caller.Administrator] = "admin@demo.local",
        [Caller.RegionalDirector] = "regional.director@demo.local",
        [Caller.Staff] = "staff@demo.local",
        [Caller.OtherStaff] = RegionalTrainingFactory.OtherStaffEmail,
        [Caller.Director] = "director.mirleft@demo.local",
        [Caller.OtherDirector] = "director.dakhla@demo.local",
    };

    public static Task<MatrixWorld> ForAsync(RegionalTrainingFactory factory)
    {
        lock (Worlds)
        {
            return Worlds.GetValue(factory, f => BuildAsync(f));
        }
    }

    /// <summary>A value no earlier call returned, so that every accepted post really changes something.</summary>
    public static int Next() => Interlocked.Increment(ref _counter);

    private static async Task<MatrixWorld> BuildAsync(RegionalTrainingFactory factory)
    {
        var world = new MatrixWorld(factory);
        await factory.EnsureOtherDirectorateAsync();
        await ProfileFixtures.EnsureCampaignAsync(factory, "DR-SUD", SharedYear);
        await ProfileFixtures.EnsureCampaignAsync(factory, "DR-OTHER", SharedYear);
        await ProfileFixtures.EnsureCampaignAsync(factory, "DR-SUD", StartYear);
        await ProfileFixtures.EnsureCampaignAsync(factory, "DR-OTHER", StartYear);
        foreach (var side in Enum.GetValues<Side>())
        {
            world._shared[side] = await world.BuildSideAsync(side);
        }

        world.OriginalPhones = await world.PhonesAsync();
        var anonymous = factory.NewClient();
        world._callers[Caller.Anonymous] = (anonymous, TokenOf(await anonymous.GetStringAsync("/Account/Login")));
        foreach (var (caller, email) in Emails)
        {
            var client = await factory.SignedInClientAsync(email);
            // Any page the caller may open carries a token valid for all his posts: a forged post needs no more.
            world._callers[caller] = (client, TokenOf(await client.GetStringAsync("/Account/ChangePassword")));
        }

        world._watch = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await world._watch.OpenAsync();
        return world;
    }

    public MatrixIds Shared(Side side) => _shared[side];

    public Task<MatrixIds> SharedAsync(Side side) => Task.FromResult(_shared[side]);

    /// <summary>
    /// Changes whenever any other connection (the portal's) commits a write: a refused request must leave it as it was.
    /// </summary>
    public long DataVersion()
    {
        using var command = _watch.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)command.ExecuteScalar()!;
    }

    public async Task<HttpResponseMessage> SendAsync(Caller caller, MatrixRow row, string url, IDictionary<string, string>? fields)
    {
        var (client, token) = _callers[caller];
        if (row.Method == "GET")
        {
            return await client.GetAsync(url);
        }

        if (row.Upload)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("Photo"), "caption" },
            };
            var file = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(file, "file", "photo.png");
            return await client.PostAsync(url, form);
        }

        var values = new List<KeyValuePair<string, string>>(fields ?? new Dictionary<string, string>()) { new("__RequestVerificationToken", token) };
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    private static string TokenOf(string html)
    {
        var match = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on the page");
    }

    private async Task<T> WithScopeAsync<T>(Func<IServiceProvider, AppDbContext, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private async Task<MatrixIds> BuildSideAsync(Side side)
    {
        var (directorateCode, establishmentCode, provinceCode) = side == Side.Main
            ? ("DR-SUD", "ISTA-FEB-MIRLEFT", (string?)null)
            : ("DR-OTHER", "ISTA-OTHER", "PR-OTHER");
        return await WithScopeAsync(async (services, db) =>
        {
            var directorate = await db.Directorates.Where(d => d.Code == directorateCode).Select(d => d.Id).SingleAsync();
            var establishment = await db.Establishments.Where(e => e.Code == establishmentCode).Select(e => e.Id).SingleAsync();
            var year = await db.TrainingYears.Where(y => y.StartYear == SharedYear).Select(y => y.Id).SingleAsync();
            var campaign = await db.Campaigns.Where(c => c.DirectorateId == directorate && c.TrainingYearId == year).Select(c => c.Id).SingleAsync();
            var province = await db.Provinces.Where(p => provinceCode == null ? p.Region!.DirectorateId == directorate : p.Code == provinceCode)
                .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var programme = await db.Programmes.OrderBy(p => p.Id).Skip(side == Side.Main ? 0 : 1).Select(p => p.Id).FirstAsync();
            var profile = await db.Profiles.Where(p => p.EstablishmentId == establishment && p.TrainingYearId == year).Select(p => (int?)p.Id).SingleOrDefaultAsync();
            if (profile is null)
            {
                var created = new EstablishmentProfile
                {
                    EstablishmentId = establishment, TrainingYearId = year, CampaignId = campaign, Status = ProfileStatus.Draft,
                    Sections = Enum.GetValues<ProfileSection>().Select(s => new ProfileSectionState { Section = s }).ToList(),
                };
                db.Profiles.Add(created);
                await db.SaveChangesAsync();
                profile = created.Id;
            }

            var user = await NewUserAsync(services, directorate);
            var meeting = await NewMeetingAsync(directorate, establishment, SummaryStatus.Draft);
            return meeting with { Directorate = directorate, Establishment = establishment, Profile = profile.Value, Campaign = campaign, Year = year, Province = province, Programme = programme, User = user };
        });
    }

    private static async Task<string> NewUserAsync(IServiceProvider services, int directorate)
    {
        var email = $"matrix.{Next()}.{Guid.NewGuid():N}@test.local";
        // No password: nobody signs in with these accounts, and hashing one costs a quarter of a second.
        var result = await services.GetRequiredService<IAccountService>().CreateAsync(new AccountInput(email, "Compte matrice", Roles.DirectorateStaff, directorate, []));
        return result.Value ?? throw new InvalidOperationException(string.Join(";", result.Errors.Select(e => e.MessageKey)));
    }

    /// <summary>A meeting with one of everything (two agenda items, so one can move), its summary in <paramref name="status"/>.</summary>
    private Task<MatrixIds> NewMeetingAsync(int directorate, int establishment, SummaryStatus status) => WithScopeAsync(async (services, db) =>
    {
        var n = Next();
        var stored = Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant();
        await services.GetRequiredService<IAttachmentStore>().SaveAsync(stored, new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]));
        var meeting = new Meeting
        {
            DirectorateId = directorate, TitleFr = $"Réunion matrice {n}", TitleAr = "لقاء المصفوفة", Slug = $"2026-03-01-reunion-matrice-{n}-{Guid.NewGuid():N}",
            StartsOn = new DateOnly(2026, 3, 1), EndsOn = new DateOnly(2026, 3, 1), Status = MeetingStatus.Held,
            Invitations = [new MeetingInvitation { EstablishmentId = establishment }],
            Agenda =
            [
                new AgendaItem { Position = 1, Day = 1, Type = AgendaItemType.WelcomeSpeech, TitleFr = "Accueil" },
                new AgendaItem { Position = 2, Day = 1, Type = AgendaItemType.OpeningRemarks, TitleFr = "Ouverture" },
            ],
            Interventions = [new Intervention { Position = 1, SpeakerFr = "Intervenant" }],
            Decisions = [new Decision { TextFr = "Décision", OwnerKind = DecisionOwnerKind.Directorate }],
            Attachments = [new MeetingAttachment { OriginalName = "photo.png", StoredName = stored, ContentType = "image/png", Length = 16, UploadedAtUtc = DateTime.UtcNow }],
            Summary = new MeetingSummary
            {
                Status = status, BodyFr = "Compte rendu", BodyAr = "تقرير", SearchKey = $"matrice {n}",
                PublishedAtUtc = status == SummaryStatus.Published ? DateTime.UtcNow : null,
                Revisions = [new SummaryRevision { Number = 1, AtUtc = DateTime.UtcNow, Status = status, BodyFr = "Compte rendu", BodyAr = "تقرير" }],
            },
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return new MatrixIds(directorate, establishment, meeting.Id, meeting.Slug, meeting.Agenda[0].Id, meeting.Interventions[0].Id,
            meeting.Decisions[0].Id, meeting.Attachments[0].Id, 0, 0, 0, 0, 0, string.Empty);
    });

    /// <summary>A meeting of its own for a post that changes it, so no cell sees what another cell did.</summary>
    public async Task<MatrixIds> FreshMeetingAsync(Side side, SummaryStatus status = SummaryStatus.Draft)
    {
        var shared = _shared[side];
        var meeting = await NewMeetingAsync(shared.Directorate, shared.Establishment, status);
        return shared with
        {
            Meeting = meeting.Meeting, Slug = meeting.Slug, Item = meeting.Item, Intervention = meeting.Intervention,
            Decision = meeting.Decision, Attachment = meeting.Attachment,
        };
    }

    public async Task<MatrixIds> FreshUserAsync(Side side)
    {
        var shared = _shared[side];
        return shared with { User = await WithScopeAsync((services, _) => NewUserAsync(services, shared.Directorate)) };
    }

    /// <summary>A fresh account of the side's directorate with an open session (someone else's, for every caller).</summary>
    public async Task<MatrixIds> FreshSessionAsync(Side side)
    {
        var ids = await FreshUserAsync(side);
        var stamp = await Factory.WithDbAsync(db => db.Users.Where(u => u.Id == ids.User).Select(u => u.SecurityStamp!).SingleAsync());
        var session = await WithScopeAsync((services, _) => services.GetRequiredService<IUserSessions>().StartAsync(ids.User, stamp, false, null, null));
        return ids with { Session = session };
    }

    /// <summary>A constraint of its own for the side's establishment, in <paramref name="status"/>, so no cell sees another's step.</summary>
    public async Task<MatrixIds> FreshItemAsync(Side side, FollowUpStatus status)
    {
        var shared = _shared[side];
        var id = await Factory.WithDbAsync(async db =>
        {
            var item = new Constraint { EstablishmentId = shared.Establishment, Description = "Contrainte de la matrice " + Next(), Category = NeedCategory.BoardingAndTransport, Status = status };
            db.Constraints.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });
        return shared with { RegisterItem = id };
    }

    /// <summary>A resolved constraint of the side's establishment whose resolution carries a stored photo (<see cref="MatrixIds.Evidence"/> is its history line).</summary>
    public async Task<MatrixIds> FreshEvidenceAsync(Side side)
    {
        var shared = _shared[side];
        return await WithScopeAsync(async (services, db) =>
        {
            var stored = Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant();
            await services.GetRequiredService<IAttachmentStore>().SaveAsync(stored, new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]));
            var item = new Constraint { EstablishmentId = shared.Establishment, Description = "Contrainte résolue de la matrice " + Next(), Category = NeedCategory.Infrastructure, Status = FollowUpStatus.Resolved };
            var entry = new FollowUpEntry
            {
                Constraint = item, AtUtc = DateTime.UtcNow, UserName = "Matrice", Kind = FollowUpEventKind.Resolved, Status = FollowUpStatus.Resolved,
                EvidenceStoredName = stored, EvidenceName = "photo.png", EvidenceContentType = "image/png",
            };
            db.FollowUpEntries.Add(entry);
            await db.SaveChangesAsync();
            return shared with { RegisterItem = item.Id, Evidence = entry.Id };
        });
    }

    /// <summary>The side's profile, put back in <paramref name="status"/> before the cell.</summary>
    public async Task<MatrixIds> ProfileInAsync(Side side, ProfileStatus status)
    {
        var shared = _shared[side];
        await Factory.WithDbAsync(db => db.Profiles.Where(p => p.Id == shared.Profile).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, status)));
        return shared;
    }

    /// <summary>No profile yet for the side's establishment in <see cref="StartYear"/>, so that a start creates one.</summary>
    public async Task<MatrixIds> NoProfileYetAsync(Side side)
    {
        var shared = _shared[side];
        var year = await ProfileFixtures.YearIdAsync(Factory, StartYear);
        await Factory.WithDbAsync(async db =>
        {
            // Sections and events go with it (cascade).
            return await db.Profiles.Where(p => p.EstablishmentId == shared.Establishment && p.TrainingYearId == year).ExecuteDeleteAsync();
        });
        return shared with { Year = year };
    }

    /// <summary>Leaves both profiles as drafts: an approved one would prefill later years in other tests.</summary>
    public async Task ResetProfilesAsync()
    {
        foreach (var side in Enum.GetValues<Side>())
        {
            await ProfileInAsync(side, ProfileStatus.Draft);
        }
    }

    public Task<Dictionary<string, string>> SectionFormAsync(MatrixIds ids, ProfileSection section, Dictionary<string, string> fields) =>
        Factory.WithDbAsync(async db =>
        {
            var version = await db.ProfileSections.Where(s => s.ProfileId == ids.Profile && s.Section == section).Select(s => s.Version).SingleAsync();
            fields["Version"] = version.ToString();
            return fields;
        });

    public Task<Dictionary<string, string>> MeetingFormAsync(MatrixIds ids) => Factory.WithDbAsync(async db =>
    {
        var rowVersion = await db.Meetings.Where(m => m.Id == ids.Meeting).Select(m => m.RowVersion).SingleAsync();
        return new Dictionary<string, string>
        {
            ["TitleFr"] = "Réunion matrice", ["TitleAr"] = "لقاء المصفوفة", ["Kind"] = "DirectorsMeeting", ["StartsOn"] = "2026-03-01",
            ["EndsOn"] = "2026-03-01", ["Status"] = "Held", ["ChairNameFr"] = $"Président {Next()}", ["DirectorateId"] = ids.Directorate.ToString(CultureInfo.InvariantCulture),
            ["RowVersion"] = Convert.ToBase64String(rowVersion),
        };
    });

    public Task<Dictionary<string, string>> SummaryFormAsync(MatrixIds ids) => Factory.WithDbAsync(async db =>
    {
        var rowVersion = await db.MeetingSummaries.Where(s => s.MeetingId == ids.Meeting).Select(s => s.RowVersion).SingleAsync();
        return new Dictionary<string, string>
        {
            ["BodyFr"] = $"Compte rendu {Next()}", ["BodyAr"] = "تقرير", ["RowVersion"] = Convert.ToBase64String(rowVersion), ["CorrectionReason"] = string.Empty,
        };
    });

    /// <summary>The stored values with a new phone number, as the edit page would post them.</summary>
    public Task<Dictionary<string, string>> EstablishmentFormAsync(MatrixIds ids) => Factory.WithDbAsync(async db =>
    {
        var e = await db.Establishments.AsNoTracking().SingleAsync(x => x.Id == ids.Establishment);
        var fields = new Dictionary<string, string>
        {
            ["Code"] = e.Code, ["Type"] = e.Type.ToString(), ["ProvinceId"] = e.ProvinceId.ToString(CultureInfo.InvariantCulture),
            ["NameFr"] = e.NameFr, ["NameAr"] = e.NameAr, ["IsActive"] = e.IsActive ? "true" : "false",
            ["Phone"] = $"+212 528 {Next() % 1000000:000000}", ["RowVersion"] = Convert.ToBase64String(e.RowVersion),
        };
        AddIfAny(fields, "ComplexId", e.ComplexId?.ToString(CultureInfo.InvariantCulture));
        AddIfAny(fields, "TownFr", e.TownFr);
        AddIfAny(fields, "TownAr", e.TownAr);
        AddIfAny(fields, "AddressFr", e.AddressFr);
        AddIfAny(fields, "AddressAr", e.AddressAr);
        AddIfAny(fields, "Email", e.Email);
        AddIfAny(fields, "Latitude", e.Latitude?.ToString(CultureInfo.InvariantCulture));
        AddIfAny(fields, "Longitude", e.Longitude?.ToString(CultureInfo.InvariantCulture));
        AddIfAny(fields, "OpeningYear", e.OpeningYear?.ToString(CultureInfo.InvariantCulture));
        return fields;
    });

    /// <summary>The stored values, unchanged: reference data other tests read is not worth altering to prove a save.</summary>
    public Task<Dictionary<string, string>> ProvinceFormAsync(MatrixIds ids) => Factory.WithDbAsync(async db =>
    {
        var p = await db.Provinces.AsNoTracking().SingleAsync(x => x.Id == ids.Province);
        return new Dictionary<string, string>
        {
            ["NameFr"] = p.NameFr, ["NameAr"] = p.NameAr, ["RegionId"] = p.RegionId.ToString(CultureInfo.InvariantCulture), ["RowVersion"] = Convert.ToBase64String(p.RowVersion),
        };
    });

    /// <summary>The stored values, unchanged (see <see cref="ProvinceFormAsync"/>).</summary>
    public Task<Dictionary<string, string>> ProgrammeFormAsync(MatrixIds ids) => Factory.WithDbAsync(async db =>
    {
        var p = await db.Programmes.AsNoTracking().SingleAsync(x => x.Id == ids.Programme);
        return new Dictionary<string, string>
        {
            ["Code"] = p.Code, ["SectorId"] = p.SectorId.ToString(CultureInfo.InvariantCulture), ["Level"] = p.Level.ToString(), ["NameFr"] = p.NameFr,
            ["NameAr"] = p.NameAr, ["DurationMonths"] = p.DurationMonths.ToString(CultureInfo.InvariantCulture), ["IsActive"] = p.IsActive ? "true" : "false",
            ["RowVersion"] = Convert.ToBase64String(p.RowVersion),
        };
    });

    public Task<Dictionary<string, string>> UserFormAsync(MatrixIds ids) => Factory.WithDbAsync(async db =>
    {
        var u = await db.Users.AsNoTracking().SingleAsync(x => x.Id == ids.User);
        return new Dictionary<string, string>
        {
            ["Email"] = u.Email!, ["DisplayName"] = $"Compte matrice {Next()}", ["Role"] = Roles.DirectorateStaff,
            ["DirectorateId"] = ids.Directorate.ToString(CultureInfo.InvariantCulture), ["ConcurrencyStamp"] = u.ConcurrencyStamp!,
        };
    });

    /// <summary>Puts back the phone numbers the establishment rows changed.</summary>
    public async Task RestoreEstablishmentsAsync(IReadOnlyDictionary<int, string?> phones)
    {
        foreach (var (id, phone) in phones)
        {
            await Factory.WithDbAsync(db => db.Establishments.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Phone, phone)));
        }
    }

    public Task<Dictionary<int, string?>> PhonesAsync() => Factory.WithDbAsync(db =>
    {
        var ids = _shared.Values.Select(s => s.Establishment).ToList();
        return db.Establishments.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Phone);
    });

    private static void AddIfAny(Dictionary<string, string> fields, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            fields[name] = value;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _watch.DisposeAsync();
    }
}
