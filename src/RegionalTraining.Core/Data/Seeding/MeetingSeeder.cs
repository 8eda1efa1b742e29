using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;

namespace RegionalTraining.Core.Data.Seeding;

internal sealed record AgendaSeed(int Day, AgendaItemType Type, string? TitleFr, string? TitleAr, string? SpeakerFr, string? SpeakerAr, int? PlannedMinutes);

internal sealed record SummarySeed(string BodyFr, string BodyAr, string? PressStatementFr, string? PressStatementAr);

internal sealed record MeetingSeed(
    string Slug, string DirectorateCode, string TitleFr, string TitleAr, MeetingKind Kind, DateOnly StartsOn, DateOnly EndsOn,
    string? VenueEstablishmentCode, string? ChairNameFr, string? ChairNameAr, bool InvitedAll, IReadOnlyList<AgendaSeed> Agenda, SummarySeed? Summary);

/// <summary>
/// Loads the example meetings of seeds/meetings (the founding meeting of 20–21 January 2023), published, so a
/// new install shows a real archive. Idempotent by slug: a meeting whose slug exists is never touched, so what
/// staff changed since stays as they left it (a deleted one comes back at the next start).
/// </summary>
public sealed class MeetingSeeder(AppDbContext db, ILogger<MeetingSeeder> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<int> SeedAsync(string seedsPath, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(seedsPath, "meetings");
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var added = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            await using var stream = File.OpenRead(file);
            var seed = await JsonSerializer.DeserializeAsync<MeetingSeed>(stream, Json, cancellationToken)
                ?? throw new InvalidDataException($"Empty meeting seed {file}");
            if (await db.Meetings.AnyAsync(m => m.Slug == seed.Slug, cancellationToken))
            {
                continue;
            }

            var directorateId = await db.Directorates.Where(d => d.Code == seed.DirectorateCode).Select(d => (int?)d.Id).SingleOrDefaultAsync(cancellationToken)
                ?? throw new InvalidDataException($"Meeting seed {seed.Slug} refers to unknown directorate {seed.DirectorateCode}");
            var venue = seed.VenueEstablishmentCode is null ? null
                : await db.Establishments.Where(e => e.Code == seed.VenueEstablishmentCode).Select(e => (int?)e.Id).SingleOrDefaultAsync(cancellationToken);
            var invited = seed.InvitedAll
                ? await db.Establishments.Where(e => e.IsActive && e.Province!.Region!.DirectorateId == directorateId).Select(e => e.Id).ToListAsync(cancellationToken)
                : [];
            var meeting = new Meeting
            {
                Slug = seed.Slug, DirectorateId = directorateId, TitleFr = seed.TitleFr, TitleAr = seed.TitleAr, Kind = seed.Kind,
                StartsOn = seed.StartsOn, EndsOn = seed.EndsOn, VenueEstablishmentId = venue,
                ChairNameFr = seed.ChairNameFr, ChairNameAr = seed.ChairNameAr,
                Status = MeetingStatus.Held,
                Invitations = invited.Select(id => new MeetingInvitation { EstablishmentId = id, Attendance = AttendanceStatus.Present }).ToList(),
                Agenda = seed.Agenda.Select((a, i) => new AgendaItem
                {
                    Position = i + 1, Day = a.Day, Type = a.Type, TitleFr = a.TitleFr, TitleAr = a.TitleAr, SpeakerFr = a.SpeakerFr, SpeakerAr = a.SpeakerAr,
                    PlannedMinutes = a.PlannedMinutes,
                }).ToList(),
            };
            if (seed.Summary is { } s)
            {
                var publishedAt = seed.EndsOn.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc);
                meeting.Summary = new MeetingSummary
                {
                    BodyFr = s.BodyFr, BodyAr = s.BodyAr, PressStatementFr = s.PressStatementFr, PressStatementAr = s.PressStatementAr,
                    Status = SummaryStatus.Published, PublishedAtUtc = publishedAt,
                    SearchKey = Bilingual.Normalise(string.Join(' ', seed.TitleFr, seed.TitleAr, s.BodyFr, s.BodyAr, s.PressStatementFr, s.PressStatementAr)),
                    Revisions =
                    [
                        new SummaryRevision
                        {
                            Number = 1, AtUtc = publishedAt, UserName = "seed", Status = SummaryStatus.Published,
                            BodyFr = s.BodyFr, BodyAr = s.BodyAr, PressStatementFr = s.PressStatementFr, PressStatementAr = s.PressStatementAr,
                        },
                    ],
                };
            }

            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(cancellationToken);
            added++;
        }

        if (added > 0)
        {
            logger.LogInformation("Seeded {MeetingCount} example meetings", added);
        }

        return added;
    }
}
