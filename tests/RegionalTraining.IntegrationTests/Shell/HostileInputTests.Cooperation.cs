using RegionalTraining.Core.Cooperation;
using RegionalTraining.Core.NeedsAndConstraints;

namespace RegionalTraining.IntegrationTests.Shell;

public sealed partial class HostileInputTests
{
    /// <summary>A partner with an offer, and a need, of the staff's directorate, for the cooperation board's forms.</summary>
    private Task<Ids> WithCooperationAsync(Ids ids) => factory.WithDbAsync(async db =>
    {
        var partner = new Partner { DirectorateId = ids.Directorate, Kind = PartnerKind.Company, NameFr = "Partenaire hostile" };
        var offer = new Offer { Partner = partner, Kind = OfferKind.Funding, Description = "Offre hostile" };
        var need = new Need { EstablishmentId = ids.Establishment, Category = NeedCategory.Other, Description = "Besoin hostile" };
        db.Offers.Add(offer);
        db.Needs.Add(need);
        await db.SaveChangesAsync();
        return ids with { Partner = partner.Id, Offer = offer.Id, Need = need.Id };
    });
}
