using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;

namespace RegionalTraining.IntegrationTests.Data;

/// <summary>
/// The migration that made the meeting texts bilingual keeps every existing text: a value written in Arabic script moves
/// to the Arabic column, any other stays as the French one.
/// </summary>
public sealed class BilingualMeetingTextsMigrationTests : IDisposable
{
    private const string Before = "20261202101032_SearchIndex";
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"rt-bilingual-migration-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Migration_PutsArabicScriptValuesInTheArabicColumns_AndKeepsTheOthersInFrench()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite($"Data Source={_path};Pooling=False", s => s.MigrationsAssembly(CoreServiceCollectionExtensions.SqliteMigrationsAssembly)).Options;
        await using (var db = new AppDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync(Before);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await ExecuteAsync(connection, "PRAGMA foreign_keys = OFF;");
            await InsertAsync(connection, "Meetings", new() { ["Id"] = 1, ["VenueText"] = "فندق الأطلس", ["ChairName"] = "Le directeur régional" });
            await InsertAsync(connection, "MeetingInvitations", new() { ["MeetingId"] = 1, ["EstablishmentId"] = 1, ["RepresentedBy"] = "M. Idrissi (نائب المدير)" });
            await InsertAsync(connection, "AgendaItems", new() { ["MeetingId"] = 1, ["Speaker"] = "المدير الجهوي" });
            await InsertAsync(connection, "Interventions", new() { ["MeetingId"] = 1, ["Speaker"] = "Mme Bennani", ["Role"] = "مديرة" });
            await InsertAsync(connection, "Decisions", new() { ["MeetingId"] = 1, ["Text"] = "تجهيز الورشة" });
            await InsertAsync(connection, "Decisions", new() { ["MeetingId"] = 1, ["Text"] = "Équiper l'atelier" });
        }

        await using (var db = new AppDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync();
            var meeting = await db.Meetings.AsNoTracking().Select(m => new { m.VenueTextFr, m.VenueTextAr, m.ChairNameFr, m.ChairNameAr }).SingleAsync();
            var invitation = await db.MeetingInvitations.AsNoTracking().Select(i => new { i.RepresentedByFr, i.RepresentedByAr }).SingleAsync();
            var agenda = await db.AgendaItems.AsNoTracking().Select(a => new { a.SpeakerFr, a.SpeakerAr }).SingleAsync();
            var intervention = await db.Interventions.AsNoTracking().Select(i => new { i.SpeakerFr, i.SpeakerAr, i.RoleFr, i.RoleAr }).SingleAsync();
            var decisions = await db.Decisions.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.TextFr, d.TextAr }).ToListAsync();

            Assert.Equal((null, "فندق الأطلس", "Le directeur régional", null), (meeting.VenueTextFr, meeting.VenueTextAr, meeting.ChairNameFr, meeting.ChairNameAr));
            Assert.Equal((null, "M. Idrissi (نائب المدير)"), (invitation.RepresentedByFr, invitation.RepresentedByAr));
            Assert.Equal((null, "المدير الجهوي"), (agenda.SpeakerFr, agenda.SpeakerAr));
            Assert.Equal(("Mme Bennani", null, null, "مديرة"), (intervention.SpeakerFr, intervention.SpeakerAr, intervention.RoleFr, intervention.RoleAr));
            // A required column keeps an empty French value on SQLite (see the migration), read as empty.
            Assert.Equal([(string.Empty, "تجهيز الورشة"), ("Équiper l'atelier", null)], decisions.Select(d => (d.TextFr ?? string.Empty, d.TextAr)));
            Assert.Equal("تجهيز الورشة", new Bilingual(decisions[0].TextFr, decisions[0].TextAr).For(new System.Globalization.CultureInfo("fr-MA"))!.Text);
        }
    }

    public void Dispose() => File.Delete(_path);

    private static async Task ExecuteAsync(DbConnection connection, string sql, IEnumerable<(string Name, object Value)>? parameters = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters ?? [])
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A row with the given values and a filler in every other column that needs one, read from the table as it stands.</summary>
    private static async Task InsertAsync(DbConnection connection, string table, Dictionary<string, object> values)
    {
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = $"PRAGMA table_info(\"{table}\");";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var (name, type, notNull, hasDefault, key) = (reader.GetString(1), reader.GetString(2), reader.GetInt32(3) == 1, !reader.IsDBNull(4), reader.GetInt32(5));
                if (notNull && !hasDefault && key == 0 && !values.ContainsKey(name))
                {
                    values[name] = type switch { "INTEGER" => 1, "BLOB" => new byte[] { 1 }, "REAL" => 0.0, _ => "1" };
                }
            }
        }

        await ExecuteAsync(connection, $"INSERT INTO \"{table}\" ({string.Join(", ", values.Keys.Select(k => $"\"{k}\""))}) VALUES ({string.Join(", ", values.Keys.Select((_, i) => "@p" + i))});",
            values.Values.Select((v, i) => ("@p" + i, v)));
    }
}
