using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Core.Data.Seeding;

/// <summary>
/// Development only: fills the seeded directorate with illustrative data so a newcomer's first dashboard, campaign page
/// and review list show the product at work — two past years of approved sheets, a current campaign with a sheet in
/// every state, the founding meeting's decisions in follow-up and a second meeting whose minutes are a draft. The
/// sheets come from <see cref="SyntheticDataGenerator.AddSheet"/> with a fixed seed (one generator, the same figures
/// on every machine); register items reach their state through <see cref="FollowUpLifecycle"/>. Runs once: a second
/// start finds the draft meeting and adds nothing. Refuses to run outside Development (decision 0019).
/// </summary>
public sealed class DemoDataSeeder(
    AppDbContext db,
    LocalCalendar calendar,
    IHostEnvironment environment,
    Search.SearchIndexWriter searchIndex,
    ILogger<DemoDataSeeder> logger)
{
    public const int Seed = 2023;
    public const string DraftMeetingSlug = "demo-reunion-de-suivi-de-la-campagne";
    public const string FoundingMeetingSlug = "2023-01-20-rencontre-des-directeurs-d-etablissements-mirleft";
    private const string Reviewer = "Directeur régional démo";
    private const string Staff = "Cadre de la DR démo";

    /// <summary>The current campaign's sheets, establishment by establishment in code order (null: not started).</summary>
    private static readonly ProfileStatus?[] CurrentStates =
    [
        ProfileStatus.Approved, ProfileStatus.Submitted, ProfileStatus.Draft, null, ProfileStatus.Submitted, ProfileStatus.Returned,
        ProfileStatus.Approved, ProfileStatus.Submitted, null, ProfileStatus.Draft, ProfileStatus.Submitted, ProfileStatus.Approved,
        null, ProfileStatus.Submitted, ProfileStatus.Draft, ProfileStatus.Approved, null, ProfileStatus.Submitted, ProfileStatus.Returned,
    ];

    /// <summary>Fixed states for the two demo directors, so the README can say what each finds.</summary>
    private static readonly Dictionary<string, ProfileStatus> DirectorSheets = new(StringComparer.Ordinal)
    {
        ["ISTA-FEB-MIRLEFT"] = ProfileStatus.Draft,
        ["ISTA-DAKHLA"] = ProfileStatus.Returned,
    };

    private static readonly SheetTexts Texts = new(
        category => $"{NeedText(category)} (démonstration)",
        category => $"{ConstraintText(category)} (démonstration)",
        "Équipement de démonstration");

    private readonly List<(EstablishmentProfile Profile, ProfileEvent Event)> _events = [];

    /// <summary>Adds the demo data unless it is there already; the number of sheets written.</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException($"Demo data is for Development only, never for {environment.EnvironmentName}.");
        }

        if (await db.Meetings.AnyAsync(m => m.Slug == DraftMeetingSlug, cancellationToken) || await db.Profiles.AnyAsync(cancellationToken))
        {
            logger.LogInformation("Demo data already present or sheets already entered: nothing added");
            return 0;
        }

        var directorateId = await db.Directorates.OrderBy(d => d.Id).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
        if (directorateId is not { } directorate)
        {
            return 0;
        }

        var today = calendar.Today;
        var random = new Random(Seed);
        var current = TrainingYear.StartYearFor(today);
        var campaigns = new List<CollectionCampaign>();
        foreach (var start in new[] { current - 2, current - 1, current })
        {
            var year = await SyntheticDataGenerator.EnsureTrainingYearAsync(db, start, cancellationToken);
            var opens = start == current ? today.AddDays(-40) : new DateOnly(start, 9, 15);
            var campaign = new CollectionCampaign { DirectorateId = directorate, TrainingYearId = year.Id, OpensOn = opens, Deadline = start == current ? today.AddDays(-5) : new DateOnly(start, 10, 31) };
            db.Campaigns.Add(campaign);
            campaigns.Add(campaign);
        }

        await db.SaveChangesAsync(cancellationToken);
        var programmes = await db.Programmes.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        var establishments = await db.Establishments
            .Where(e => e.IsActive && e.Province!.Region!.DirectorateId == directorate).OrderBy(e => e.Code).ToListAsync(cancellationToken);
        var sheets = 0;
        var items = new List<IRegisterItem>();
        for (var i = 0; i < establishments.Count; i++)
        {
            var establishment = establishments[i];
            var offered = SyntheticDataGenerator.PickProgrammes(random, programmes);
            var trainers = 6 + random.Next(40);
            EstablishmentProfile? last = null;
            foreach (var campaign in campaigns.Take(2))
            {
                var sheet = SyntheticDataGenerator.AddSheet(db, random, establishment, campaign.TrainingYearId, ProfileStatus.Approved, offered, trainers, Texts);
                Mark(sheet.Profile, campaign, ProfileStatus.Approved, late: false, last);
                foreach (var item in sheet.Items)
                {
                    Follow(item, item.Status, today, random);
                    items.Add(item);
                }

                trainers += random.Next(-2, 4);
                // Saved now: the next year's sheet refers to this one as the one it was pre-filled from.
                await SaveAsync(cancellationToken);
                last = sheet.Profile;
                sheets++;
            }

            var state = DirectorSheets.TryGetValue(establishment.Code, out var fixedState) ? fixedState : CurrentStates[i % CurrentStates.Length];
            if (state is { } status)
            {
                var sheet = SyntheticDataGenerator.AddSheet(db, random, establishment, campaigns[2].TrainingYearId, status, offered, trainers, Texts);
                // The second submitted sheet of the list came in after the deadline.
                Mark(sheet.Profile, campaigns[2], status, late: i == 4, last);
                foreach (var item in sheet.Items)
                {
                    // This year's sheet has only just raised them: nobody has answered yet.
                    item.Status = FollowUpStatus.Raised;
                    items.Add(item);
                }

                sheets++;
            }
        }

        await SaveAsync(cancellationToken);
        await AddMeetingsAsync(directorate, establishments, items, today, cancellationToken);
        await searchIndex.RebuildAsync(cancellationToken);
        logger.LogInformation("Demo data: {SheetCount} sheets for {EstablishmentCount} establishments over {YearCount} years", sheets, establishments.Count, campaigns.Count);
        return sheets;
    }

    /// <summary>Dates, reviewer, prefill link, section states and history of a sheet in the given state.</summary>
    private void Mark(EstablishmentProfile profile, CollectionCampaign campaign, ProfileStatus status, bool late, EstablishmentProfile? last)
    {
        profile.Campaign = campaign;
        profile.PrefilledFromId = last?.Id;
        profile.Sections = Enum.GetValues<ProfileSection>().Select(s => new ProfileSectionState { Section = s }).ToList();
        var submitted = (late ? campaign.Deadline.AddDays(2) : campaign.Deadline.AddDays(-3)).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        if (status == ProfileStatus.Draft)
        {
            return;
        }

        profile.SubmittedAtUtc = submitted;
        profile.SubmittedLate = late;
        Event(profile, ProfileEventKind.Submitted, submitted, "Directeur de l'établissement (démonstration)", null);
        if (status == ProfileStatus.Approved)
        {
            profile.ApprovedAtUtc = submitted.AddDays(4);
            profile.ApprovedBy = Reviewer;
            Event(profile, ProfileEventKind.Approved, submitted.AddDays(4), Reviewer, null);
        }
        else if (status == ProfileStatus.Returned)
        {
            const string comment = "Les effectifs de deuxième année semblent élevés : merci de vérifier (démonstration).";
            profile.Sections.Single(s => s.Section == ProfileSection.Programmes).ReviewComment = comment;
            Event(profile, ProfileEventKind.Returned, submitted.AddDays(2), Reviewer, comment);
        }
    }

    private void Event(EstablishmentProfile profile, ProfileEventKind kind, DateTime at, string user, string? comment) =>
        _events.Add((profile, new ProfileEvent { Kind = kind, AtUtc = at, UserName = user, Comment = comment }));

    /// <summary>Saves, then writes the history of the sheets just saved (an event refers to its sheet by id only).</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (profile, entry) in _events)
        {
            entry.ProfileId = profile.Id;
            db.ProfileEvents.Add(entry);
        }

        _events.Clear();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Takes a raised item to the drawn state through the register's own moves, writing each to its history.</summary>
    private void Follow(IRegisterItem item, FollowUpStatus target, DateOnly today, Random random)
    {
        item.Status = FollowUpStatus.Raised;
        var at = today.AddDays(-200).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        // As the register writes a raised item: its category, priority or severity and figures, shown on the item's history.
        History(item, FollowUpEventKind.Raised, at, "Directeur de l'établissement (démonstration)", null,
            item is Need need ? FollowUpFacts.Of(need) : FollowUpFacts.Of((Constraint)item));
        var assign = new FollowUpCommand(FollowUpAction.Assign, ItemOwner.Directorate, today.AddDays(30 + random.Next(120)), "Inscrit au plan d'action de la direction régionale (démonstration).");
        IReadOnlyList<FollowUpCommand> moves = target switch
        {
            FollowUpStatus.Acknowledged => [new(FollowUpAction.Acknowledge)],
            FollowUpStatus.InProgress => [assign],
            FollowUpStatus.Resolved => [assign, Resolve(today)],
            FollowUpStatus.Closed => [assign, Resolve(today), new(FollowUpAction.Confirm)],
            FollowUpStatus.Declined => [new(FollowUpAction.Decline, Text: "Hors du périmètre de la direction régionale (démonstration).")],
            FollowUpStatus.Deferred => [new(FollowUpAction.Defer, On: today.AddDays(120), Text: "Reporté au prochain budget (démonstration).")],
            _ => [],
        };
        foreach (var move in moves)
        {
            at = at.AddDays(20);
            var kind = FollowUpLifecycle.Apply(item, move, today).Value;
            var user = move.Action == FollowUpAction.Confirm ? "Directeur de l'établissement (démonstration)" : Staff;
            History(item, kind, at, user, FollowUpService.Describe(move), FollowUpService.Facts(move));
        }
    }

    private static FollowUpCommand Resolve(DateOnly today) =>
        new(FollowUpAction.Resolve, Text: "Réalisé avec le budget de fonctionnement (démonstration).", On: today.AddDays(-30));

    private void History(IRegisterItem item, FollowUpEventKind kind, DateTime at, string user, string? text, FollowUpFacts? facts = null) =>
        db.FollowUpEntries.Add(new FollowUpEntry
        {
            Need = item as Need, Constraint = item as Constraint, AtUtc = at, UserName = user, Kind = kind, Status = item.Status, Text = text, Facts = facts?.ToJson(),
        });

    /// <summary>The founding meeting's decisions in follow-up (two in progress, one done, one open) and a second meeting in draft.</summary>
    private async Task AddMeetingsAsync(int directorate, List<Establishment> establishments, List<IRegisterItem> items, DateOnly today, CancellationToken cancellationToken)
    {
        var at = today.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        var mirleft = establishments.FirstOrDefault(e => e.Code == "ISTA-FEB-MIRLEFT");
        var dakhla = establishments.FirstOrDefault(e => e.Code == "ISTA-DAKHLA");
        var founding = await db.Meetings.Include(m => m.Decisions).SingleOrDefaultAsync(m => m.Slug == FoundingMeetingSlug, cancellationToken);
        if (founding is { Decisions.Count: 0 })
        {
            founding.Decisions.AddRange(
            [
                new Decision
                {
                    TextFr = "Équiper l'atelier de maintenance de l'ISTA de Mirleft (démonstration)", TextAr = "تجهيز ورشة الصيانة بالمعهد المتخصص للتكنولوجيا التطبيقية بميرلفت (عرض توضيحي)", OwnerKind = DecisionOwnerKind.Establishment,
                    OwnerEstablishment = mirleft, DueOn = new DateOnly(2023, 6, 30), Status = DecisionStatus.Done,
                    Notes = [Note(at.AddDays(-600), "Commande passée (démonstration).", DecisionStatus.InProgress), Note(at.AddDays(-500), "Atelier équipé et en service (démonstration).", DecisionStatus.Done)],
                },
                new Decision
                {
                    TextFr = "Recruter des formateurs vacataires pour les filières du tourisme (démonstration)", TextAr = "توظيف مكونين عرضيين لشعب السياحة (عرض توضيحي)", OwnerKind = DecisionOwnerKind.Directorate,
                    DueOn = today.AddDays(60), Status = DecisionStatus.InProgress,
                    Notes = [Note(at.AddDays(-40), "Appel à candidatures publié (démonstration).", DecisionStatus.InProgress)],
                },
                new Decision
                {
                    TextFr = "Conventions de transport des stagiaires avec les communes (démonstration)", TextAr = "اتفاقيات نقل المتدربين مع الجماعات (عرض توضيحي)", OwnerKind = DecisionOwnerKind.Partner,
                    OwnerPartner = "Conseil provincial de Tiznit", DueOn = today.AddDays(90), Status = DecisionStatus.InProgress,
                    Notes = [Note(at.AddDays(-20), "Projet de convention envoyé aux communes (démonstration).", DecisionStatus.InProgress)],
                    Constraints = items.OfType<Constraint>().Where(c => c.Category == NeedCategory.BoardingAndTransport).Take(2).ToList(),
                },
                new Decision
                {
                    TextFr = "Rénover l'internat de l'ISTA de Dakhla (démonstration)", TextAr = "تجديد داخلية المعهد المتخصص للتكنولوجيا التطبيقية بالداخلة (عرض توضيحي)", OwnerKind = DecisionOwnerKind.Establishment,
                    OwnerEstablishment = dakhla, DueOn = today.AddDays(-15), Status = DecisionStatus.Open,
                    Needs = items.OfType<Need>().Where(n => n.Establishment == dakhla).Take(1).ToList(),
                },
            ]);
        }

        var starts = today.AddDays(-14);
        const string bodyFr = "Les directeurs ont fait le point sur la campagne de l'année en cours et sur le suivi des décisions de Mirleft (brouillon de démonstration).";
        const string bodyAr = "استعرض المديرون حصيلة حملة السنة الجارية وتتبع قرارات ميرلفت (مسودة للعرض التوضيحي).";
        db.Meetings.Add(new Meeting
        {
            Slug = DraftMeetingSlug, DirectorateId = directorate, Kind = MeetingKind.DirectorsMeeting, Status = MeetingStatus.Held,
            TitleFr = "Réunion de suivi de la campagne (démonstration)", TitleAr = "اجتماع تتبع الحملة (عرض توضيحي)",
            StartsOn = starts, EndsOn = starts, VenueEstablishmentId = establishments.FirstOrDefault()?.Id, ChairNameFr = Reviewer,
            Invitations = establishments.Select((e, i) => new MeetingInvitation { EstablishmentId = e.Id, Attendance = i % 6 == 5 ? AttendanceStatus.Absent : AttendanceStatus.Present }).ToList(),
            Agenda =
            [
                new AgendaItem { Position = 1, Day = 1, Type = AgendaItemType.OpeningRemarks, TitleFr = "Ouverture", TitleAr = "الافتتاح", SpeakerFr = Reviewer, PlannedMinutes = 15 },
                new AgendaItem { Position = 2, Day = 1, Type = AgendaItemType.Discussion, TitleFr = "État de la campagne des fiches", TitleAr = "وضعية حملة البطاقات", PlannedMinutes = 60 },
                new AgendaItem { Position = 3, Day = 1, Type = AgendaItemType.Discussion, TitleFr = "Suivi des décisions de Mirleft", TitleAr = "تتبع قرارات ميرلفت", PlannedMinutes = 45 },
            ],
            Decisions =
            [
                new Decision { TextFr = "Relancer les établissements qui n'ont pas commencé leur fiche (démonstration)", TextAr = "تذكير المؤسسات التي لم تبدأ بطاقتها (عرض توضيحي)", DueOn = today.AddDays(7) },
                new Decision { TextFr = "Préparer une visite de terrain à Dakhla (démonstration)", TextAr = "التحضير لزيارة ميدانية إلى الداخلة (عرض توضيحي)", DueOn = today.AddDays(45) },
            ],
            Summary = new MeetingSummary { BodyFr = bodyFr, BodyAr = bodyAr, Status = SummaryStatus.Draft, SearchKey = Bilingual.Normalise(bodyFr + " " + bodyAr) },
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static DecisionNote Note(DateTime at, string text, DecisionStatus status) => new() { AtUtc = at, UserName = Staff, Text = text, Status = status };

    private static string NeedText(NeedCategory category) => category switch
    {
        NeedCategory.Infrastructure => "Réfection de la toiture des ateliers",
        NeedCategory.Equipment => "Renouvellement des machines de l'atelier",
        NeedCategory.HumanResources => "Deux formateurs supplémentaires",
        NeedCategory.Pedagogy => "Manuels pour les nouvelles filières",
        NeedCategory.BoardingAndTransport => "Places d'internat supplémentaires",
        NeedCategory.Digital => "Connexion internet de la salle informatique",
        NeedCategory.Partnerships => "Conventions de stage avec les entreprises",
        _ => "Matériel de sécurité",
    };

    private static string ConstraintText(NeedCategory category) => category switch
    {
        NeedCategory.Infrastructure => "Salles trop petites pour les groupes",
        NeedCategory.Equipment => "Machines en panne depuis la rentrée",
        NeedCategory.HumanResources => "Postes de formateurs vacants",
        NeedCategory.Pedagogy => "Stages difficiles à trouver",
        NeedCategory.BoardingAndTransport => "Pas de transport pour les stagiaires des communes éloignées",
        NeedCategory.Digital => "Coupures fréquentes de la connexion",
        NeedCategory.Partnerships => "Peu d'entreprises partenaires",
        _ => "Accès difficile en hiver",
    };
}
