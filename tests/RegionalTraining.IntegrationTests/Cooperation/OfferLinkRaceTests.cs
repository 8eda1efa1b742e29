using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Cooperation;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Cooperation;

/// <summary>
/// The same offer linked to the same need twice at once (a double click on a slow link), made deterministic: the other
/// request's link is written between this one's check and its save, by an interceptor, so the save meets the unique
/// index every time rather than when two requests happen to interleave.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class OfferLinkRaceTests(RegionalTrainingFactory factory)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Link_WhenTheSameLinkIsSavedBetweenTheCheckAndTheSave_SucceedsWithOneLink()
    {
        var (directorate, offer, need) = await SeedAsync();
        var racer = new OtherRequestLinksFirst(factory, offer, need);
        var options = new DbContextOptionsBuilder<AppDbContext>(factory.Services.GetRequiredService<DbContextOptions<AppDbContext>>())
            .AddInterceptors(racer).Options;
        await using var db = new AppDbContext(options);
        var service = new CooperationService(db, SystemUser.Instance, new FakeTimeProvider(Now), NullLogger<CooperationService>.Instance);
        var staff = new AccessScope("race", new HashSet<string> { Roles.DirectorateStaff }, directorate, new HashSet<int>());

        try
        {
            var result = await service.LinkAsync(staff, offer, new RegisterItemKey(ItemType.Need, need));

            Assert.True(racer.Fired, "the other request's link was not written before this one's save");
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.MessageKey)));
            Assert.Equal(1, await factory.WithDbAsync(d => d.OfferLinks.CountAsync(l => l.OfferId == offer && l.NeedId == need)));
        }
        finally
        {
            // Other tests on the shared portal count Mirleft's needs and the directorate's partners.
            await factory.WithDbAsync(async d =>
            {
                d.OfferLinks.RemoveRange(d.OfferLinks.Where(l => l.OfferId == offer));
                d.Needs.Remove(await d.Needs.SingleAsync(n => n.Id == need));
                var removed = await d.Offers.Include(o => o.Partner).SingleAsync(o => o.Id == offer);
                d.Offers.Remove(removed);
                d.Partners.Remove(removed.Partner!);
                return await d.SaveChangesAsync();
            });
        }
    }

    private async Task<(int Directorate, int Offer, int Need)> SeedAsync()
    {
        var establishment = await factory.EstablishmentIdAsync("ISTA-FEB-MIRLEFT");
        return await factory.WithDbAsync(async db =>
        {
            var directorate = await db.Establishments.Where(e => e.Id == establishment).Select(e => e.Province!.Region!.DirectorateId).SingleAsync();
            var suffix = Guid.NewGuid().ToString("N")[..8];
            var offer = new Offer
            {
                Partner = new Partner { DirectorateId = directorate, Kind = PartnerKind.LocalCouncil, NameFr = "Commune " + suffix, NameAr = "جماعة " + suffix },
                Kind = OfferKind.Funding, Description = "Fonds " + suffix,
            };
            var need = new Need { EstablishmentId = establishment, Category = NeedCategory.Infrastructure, Description = "Toiture " + suffix, Status = FollowUpStatus.Raised, Priority = Priority.High };
            db.Offers.Add(offer);
            db.Needs.Add(need);
            await db.SaveChangesAsync();
            return (directorate, offer.Id, need.Id);
        });
    }

    /// <summary>Before this context's first save, writes the same link through another context, as the other request would.</summary>
    private sealed class OtherRequestLinksFirst(RegionalTrainingFactory factory, int offer, int need) : SaveChangesInterceptor
    {
        public bool Fired { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!Fired)
            {
                Fired = true;
                await factory.WithDbAsync(async db =>
                {
                    db.OfferLinks.Add(new OfferLink { OfferId = offer, NeedId = need, LinkedAtUtc = Now.UtcDateTime, LinkedBy = "other-request" });
                    return await db.SaveChangesAsync(cancellationToken);
                });
            }

            return result;
        }
    }
}
