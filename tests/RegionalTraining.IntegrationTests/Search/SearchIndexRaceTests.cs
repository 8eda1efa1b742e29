using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Search;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Search;

/// <summary>
/// Two saves touching the same indexed thing at once both refresh its index row (delete, then insert): when the
/// other's row lands between this one's delete and insert, the unique key (kind, id) refuses the insert. That must
/// not fail the save that called the refresh (already committed), and the row must end with the tables' latest
/// content. Assa's centre, used by no other test, is renamed and named back.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SearchIndexRaceTests(RegionalTrainingFactory factory)
{
    [Fact]
    public async Task Refresh_TwiceRacingForTheSameEstablishment_EndsWithOneRowOfTheLatestName()
    {
        var id = await factory.EstablishmentIdAsync("CFP-ASSA");
        var name = await factory.WithDbAsync(db => db.Establishments.Where(e => e.Id == id).Select(e => e.NameFr).SingleAsync());
        SearchDocumentKey[] keys = [new(SearchKind.Establishment, id)];

        try
        {
            await factory.RaceAsync<SearchIndexWriter, int, int>(
                async writer =>
                {
                    await writer.RefreshAsync(keys);
                    return 0;
                },
                async writer =>
                {
                    // The other request's save renamed the centre (the index not told), then refreshed its row.
                    await factory.WithDbAsync(db => db.Establishments.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.NameFr, "CFP Assa-Zag renommé")));
                    await writer.RefreshAsync(keys);
                    return 0;
                });

            Assert.Equal(["CFP Assa-Zag renommé"], await factory.WithDbAsync(db => db.SearchEntries
                .Where(e => e.Kind == SearchKind.Establishment && e.EntityId == id).Select(e => e.TitleFr).ToListAsync()));
        }
        finally
        {
            await factory.WithDbAsync(db => db.Establishments.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.NameFr, name)));
            await factory.WithDbAsync(async db =>
            {
                await new SearchIndexWriter(db).RefreshAsync(keys);
                return 0;
            });
        }
    }
}
