using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Core.Data.Seeding;

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
            var year = await db.TrainingYears.SingleOrDefaultAsync(y => y.StartYear == start, cancellationToken);
            if (year is null)
            {
                year = new TrainingYear { Code = TrainingYear.FormatCode(start), StartYear = start };
                db.TrainingYears.Add(year);
                await db.SaveChangesAsync(cancellationToken);
            }

            years.Add(year);
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
                var offered = programmes.OrderBy(_ => random.Next()).Take(2 + random.Next(5)).ToList();
                var trainers = 6 + random.Next(40);
                foreach (var year in years)
                {
                    var status = year.StartYear < lastStartYear ? ProfileStatus.Approved : (ProfileStatus)(1 + random.Next(4));
                    var profile = new EstablishmentProfile
                    {
                        Establishment = establishment, TrainingYearId = year.Id, Status = status,
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
                    for (var n = random.Next(4); n > 0; n--)
                    {
                        db.Needs.Add(new Need
                        {
                            Establishment = establishment, Profile = profile, Sheets = { profile }, Description = "Besoin synthétique", Category = (NeedCategory)(1 + random.Next(8)),
                            Priority = (Priority)(1 + random.Next(4)), EstimatedCostMad = 1000 * random.Next(500), Status = (FollowUpStatus)(1 + random.Next(7)),
                        });
                    }

                    for (var c = random.Next(3); c > 0; c--)
                    {
                        db.Constraints.Add(new Constraint
                        {
                            Establishment = establishment, Profile = profile, Sheets = { profile }, Description = "Contrainte synthétique", Category = (NeedCategory)(1 + random.Next(8)),
                            Severity = (Severity)(1 + random.Next(4)), Status = (FollowUpStatus)(1 + random.Next(7)),
                        });
                    }
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
}
