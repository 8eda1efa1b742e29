using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Cooperation;
using RegionalTraining.Core.NeedsAndConstraints;

namespace RegionalTraining.IntegrationTests.Accounts;

/// <summary>The cooperation board's rows of the access matrix: a fresh partner, offer, need and constraint of the side's directorate per cell.</summary>
internal static class CooperationMatrix
{
    private const string Page = "login | 200 200 | 200 404 | 200 404 | 404 200 | 403 403 | 403 403";
    private const string Change = "login | 302+ 302+ | 302+ 404 | 302+ 404 | 404 302+ | 403 403 | 403 403";

    public static MatrixRow Get(string controller, string action, string url) =>
        new("GET", controller, action, url, Page) { Prepare = (w, side) => FreshAsync(w, side) };

    public static MatrixRow Post(string controller, string action, string url, params string[] fields) =>
        new MatrixRow("POST", controller, action, url, Change)
        {
            Prepare = (w, side) => FreshAsync(w, side),
            Form = fields.Length == 0 ? null : (_, ids) => Task.FromResult(fields.Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => MatrixRow.Fill(f[1], ids))),
        };

    public static async Task<MatrixIds> FreshAsync(MatrixWorld world, Side side, bool linked = false)
    {
        var ids = world.Shared(side);
        var (partner, offer, need, constraint) = await world.Factory.WithDbAsync(async db =>
        {
            var p = new Partner { DirectorateId = ids.Directorate, Kind = PartnerKind.Company, NameFr = "Partenaire de la matrice" };
            p.Contacts.Add(new PartnerContact { Name = "Contact de la matrice" });
            var o = new Offer { Partner = p, Kind = OfferKind.Funding, Description = "Offre de la matrice" };
            var n = new Need { EstablishmentId = ids.Establishment, Category = NeedCategory.Other, Description = "Besoin de la matrice" };
            db.Offers.Add(o);
            var c = new Constraint { EstablishmentId = ids.Establishment, Category = NeedCategory.Other, Description = "Contrainte de la matrice" };
            db.Needs.Add(n);
            db.Constraints.Add(c);
            if (linked)
            {
                db.OfferLinks.Add(new OfferLink { Offer = o, Need = n });
                db.OfferLinks.Add(new OfferLink { Offer = o, Constraint = c });
            }

            await db.SaveChangesAsync();
            return (p.Id, o.Id, n.Id, c.Id);
        });
        return ids with { Partner = partner, Offer = offer, Need = need, Constraint = constraint };
    }

    public static async Task<Dictionary<string, string>> PartnerFormAsync(MatrixWorld world, MatrixIds ids) => new()
    {
        ["Kind"] = "Association", ["NameFr"] = "Partenaire renommé", ["Contacts[0].Name"] = "Contact de la matrice",
        ["rowVersion"] = Convert.ToBase64String(await world.Factory.WithDbAsync(db => db.Partners.Where(p => p.Id == ids.Partner).Select(p => p.RowVersion).SingleAsync())),
    };

    public static async Task<Dictionary<string, string>> OfferFormAsync(MatrixWorld world, MatrixIds ids) => new()
    {
        ["Kind"] = "Funding", ["Description"] = "Offre modifiée", ["Status"] = "Taken",
        ["rowVersion"] = Convert.ToBase64String(await world.Factory.WithDbAsync(db => db.Offers.Where(o => o.Id == ids.Offer).Select(o => o.RowVersion).SingleAsync())),
    };
}
