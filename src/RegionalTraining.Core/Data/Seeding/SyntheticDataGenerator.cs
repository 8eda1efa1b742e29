using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Core.Data.Seeding;

/// <summary>The words a generated sheet uses for its needs, constraints (by category) and equipment.</summary>
public sealed record SheetTexts(Func<NeedCategory, string> Need, Func<NeedCategory, string> Constraint, string Equipment);

/// <summary>A generated sheet and the register items it raised.</summary>
public sealed record GeneratedSheet(EstablishmentProfile Profile, IReadOnlyList<IRegisterItem> Items);

/// <summary>How much synthetic data to make.</summary>
public sealed record SyntheticDataOptions(int Directorates = 12, int Establishments = 500, int Years = 10, int Seed = 42);

/// <summary>
/// Fills a separate database with a realistic, clearly synthetic national data set (codes start with "SYN-",
/// names say "synthétique" / "تجريبي") to measure the dashboards at the scale of the whole office. The same
/// seed always gives the same data.
/// </summary>
public sealed class SyntheticDataGenerator(AppDbContext db, ILogger<SyntheticDataGenerator> logger)
{
    public async Task<int> GenerateAsync(SyntheticDataOptions options, int lastStartYear, CancellationToken cancellationToken = default)
    {
        if (await db.Directorates.AnyAsync(d => d.Code.StartsWith("SYN-"), cancellationToken))
        {
            logger.LogWarning("Synthetic data already present: nothing generated");
            return 0;
        }

        var random = new Random(options.Seed);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var programmes = await db.Programmes.AsNoTracking().Select(p => p.Id).ToListAsync(cancellationToken);
        var years = new List<TrainingYear>();
        for (var start = lastStartYear - options.Years + 1; start <= lastStartYear; start++)
        {
            years.Add(await EnsureTrainingYearAsync(db, start, cancellationToken));
        }

        var types = Enum.GetValues<EstablishmentType>();
        var establishmentsLeft = options.Establishments;
        var created = 0;
        for (var d = 1; d <= options.Directorates; d++)
        {
            var directorate = new Directorate { Code = $"SYN-DR-{d:00}", NameFr = $"Direction régionale synthétique {d:00}", NameAr = $"مديرية جهوية تجريبية {d:00}" };
            var provinces = new List<Province>();
            for (var r = 1; r <= 3; r++)
            {
                var region = new Region { Code = $"SYN-R-{d:00}-{r}", NameFr = $"Région synthétique {d:00}-{r}", NameAr = $"جهة تجريبية {d:00}-{r}", Directorate = directorate };
                for (var p = 1; p <= 3 + random.Next(2); p++)
                {
                    provinces.Add(new Province { Code = $"SYN-P-{d:00}-{r}-{p}", NameFr = $"Province synthétique {d:00}-{r}-{p}", NameAr = $"إقليم تجريبي {d:00}-{r}-{p}", Region = region });
                }
            }

            db.Provinces.AddRange(provinces);
            await db.SaveChangesAsync(cancellationToken);
            var count = d == options.Directorates ? establishmentsLeft : options.Establishments / options.Directorates;
            establishmentsLeft -= count;
            for (var e = 1; e <= count; e++)
            {
                var establishment = new Establishment
                {
                    Code = $"SYN-E-{d:00}-{e:000}", Type = types[random.Next(types.Length)], ProvinceId = provinces[random.Next(provinces.Count)].Id,
                    NameFr = $"Établissement synthétique {d:00}-{e:000}", NameAr = $"مؤسسة تجريبية {d:00}-{e:000}",
                };
                establishment.RefreshSearchKey();
                db.Establishments.Add(establishment);
                var offered = PickProgrammes(random, programmes);
                var trainers = 6 + random.Next(40);
                foreach (var year in years)
                {
                    var status = year.StartYear < lastStartYear ? ProfileStatus.Approved : (ProfileStatus)(1 + random.Next(4));
                    AddSheet(db, random, establishment, year.Id, status, offered, trainers, SyntheticTexts);
                }

                created++;
                if (created % 25 == 0)
                {
                    db.ChangeTracker.DetectChanges();
                    await db.SaveChangesAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    logger.LogInformation("Synthetic data: {EstablishmentCount} establishments written", created);
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        logger.LogInformation("Synthetic data: {EstablishmentCount} establishments over {YearCount} years generated", created, years.Count);
        return created;
    }

    /// <summary>The texts that mark the national data set's needs and constraints as synthetic.</summary>
    public static readonly SheetTexts SyntheticTexts = new(_ => "Besoin synthétique", _ => "Contrainte synthétique", "Équipement synthétique");

    /// <summary>The training year starting in the given year, created (and saved) when missing.</summary>
    public static async Task<TrainingYear> EnsureTrainingYearAsync(AppDbContext db, int start, CancellationToken cancellationToken)
    {
        var year = await db.TrainingYears.SingleOrDefaultAsync(y => y.StartYear == start, cancellationToken);
        if (year is null)
        {
            year = new TrainingYear { Code = TrainingYear.FormatCode(start), StartYear = start };
            db.TrainingYears.Add(year);
            await db.SaveChangesAsync(cancellationToken);
        }

        return year;
    }

    /// <summary>The programmes an establishment offers: two to six of the catalogue, drawn from the seed.</summary>
    public static List<int> PickProgrammes(Random random, IReadOnlyList<int> programmes) =>
        programmes.OrderBy(_ => random.Next()).Take(2 + random.Next(5)).ToList();

    /// <summary>
    /// One establishment's sheet for one year with plausible figures (trainees by programme and gender, staff, rooms,
    /// equipment) and zero to three needs and zero to two constraints with a drawn follow-up status. Shared by the
    /// national synthetic set and the Development demo (<see cref="DemoDataSeeder"/>), so there is one generator.
    /// </summary>
    public static GeneratedSheet AddSheet(
        AppDbContext db, Random random, Establishment establishment, int trainingYearId, ProfileStatus status,
        IReadOnlyList<int> offered, int trainers, SheetTexts texts)
    {
        var profile = new EstablishmentProfile
        {
            Establishment = establishment, TrainingYearId = trainingYearId, Status = status,
            PermanentTrainers = trainers, PermanentTrainersWomen = trainers / 3, ContractTrainers = random.Next(6),
            AdministrativeStaff = 3 + random.Next(10), Classrooms = 4 + random.Next(20), Workshops = random.Next(10),
            Computers = random.Next(120), BoardingPlaces = random.Next(3) == 0 ? 0 : random.Next(200),
            Programmes = offered.Select(id =>
            {
                var capacity = 25 * (1 + random.Next(6));
                var first = random.Next(capacity / 2 + 1);
                var second = random.Next(capacity / 2 + 1);
                return new ProfileProgramme
                {
                    ProgrammeId = id, Groups = 1 + capacity / 25, Capacity = capacity, FirstYearTrainees = first, FirstYearWomen = random.Next(first + 1),
                    SecondYearTrainees = second, SecondYearWomen = random.Next(second + 1), GraduatesLastYear = random.Next(second + 1),
                };
            }).ToList(),
        };
        db.Profiles.Add(profile);
        var items = new List<IRegisterItem>();
        for (var n = random.Next(4); n > 0; n--)
        {
            var category = (NeedCategory)(1 + random.Next(8));
            var need = new Need
            {
                Establishment = establishment, Profile = profile, Sheets = { profile }, Description = texts.Need(category), Category = category,
                Priority = (Priority)(1 + random.Next(4)), EstimatedCostMad = 1000 * random.Next(500), Status = (FollowUpStatus)(1 + random.Next(7)),
            };
            db.Needs.Add(need);
            items.Add(need);
        }

        for (var c = random.Next(3); c > 0; c--)
        {
            var category = (NeedCategory)(1 + random.Next(8));
            var constraint = new Constraint
            {
                Establishment = establishment, Profile = profile, Sheets = { profile }, Description = texts.Constraint(category), Category = category,
                Severity = (Severity)(1 + random.Next(4)), Status = (FollowUpStatus)(1 + random.Next(7)),
            };
            db.Constraints.Add(constraint);
            items.Add(constraint);
        }

        // Drawn after the needs and constraints, so the figures above stay what the same seed always gave.
        for (var q = random.Next(3); q > 0; q--)
        {
            profile.Equipment.Add(new ProfileEquipment { Name = $"{texts.Equipment} {q}", Quantity = 1 + random.Next(30), Condition = (EquipmentCondition)(1 + random.Next(3)) });
        }

        return new GeneratedSheet(profile, items);
    }
}
