using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Notifications;

namespace RegionalTraining.Core.Cooperation;

/// <summary>
/// The cooperation board: partners of a directorate with their contacts, their offers, the suggested matches with
/// open needs and constraints, and the links staff make. Everything is the directorate's own work: a partner, an
/// offer or an item outside the scope's directorate answers not found. Only <see cref="LinkedToItemAsync"/> serves
/// the item's readers (its establishment's director too), and it carries no contact.
/// </summary>
public interface ICooperationService
{
    /// <summary>Partners, offers and coverage of a directorate (every one for null, administrators only).</summary>
    Task<Result<CooperationBoard>> BoardAsync(AccessScope scope, int? directorateId, CancellationToken cancellationToken = default);

    /// <summary>Needs covered by partners and their value against the open needs' cost, per directorate (null: all, administrators only).</summary>
    Task<Result<CooperationCoverage>> CoverageAsync(AccessScope scope, int? directorateId, CancellationToken cancellationToken = default);

    Task<Result<PartnerView>> PartnerAsync(AccessScope scope, int partnerId, CancellationToken cancellationToken = default);

    Task<Result<int>> CreatePartnerAsync(AccessScope scope, PartnerInput input, CancellationToken cancellationToken = default);

    /// <summary>Saves the partner and replaces its contacts; the value is the new token, or the stored one after a conflict.</summary>
    Task<Result<byte[]>> UpdatePartnerAsync(AccessScope scope, int partnerId, PartnerInput input, byte[] token, CancellationToken cancellationToken = default);

    Task<Result<OfferView>> OfferAsync(AccessScope scope, int offerId, CancellationToken cancellationToken = default);

    Task<Result<int>> CreateOfferAsync(AccessScope scope, int partnerId, OfferInput input, CancellationToken cancellationToken = default);

    Task<Result<byte[]>> UpdateOfferAsync(AccessScope scope, int offerId, OfferInput input, byte[] token, CancellationToken cancellationToken = default);

    /// <summary>The needs and constraints linked to the offer, then the open ones it suits.</summary>
    Task<Result<OfferSuggestions>> SuggestItemsAsync(AccessScope scope, int offerId, CancellationToken cancellationToken = default);

    Task<Result<ItemOffers>> SuggestOffersAsync(AccessScope scope, RegisterItemKey item, CancellationToken cancellationToken = default);

    /// <summary>Links an open offer to an open item of its directorate; writes it in the item's history and tells its directors.</summary>
    Task<Result> LinkAsync(AccessScope scope, int offerId, RegisterItemKey item, CancellationToken cancellationToken = default);

    Task<Result> UnlinkAsync(AccessScope scope, int offerId, RegisterItemKey item, CancellationToken cancellationToken = default);

    /// <summary>The offers linked to a need or a constraint, for whoever may read the item; empty for anyone else.</summary>
    Task<IReadOnlyList<LinkedOffer>> LinkedToItemAsync(AccessScope scope, RegisterItemKey item, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
public sealed class CooperationService(
    AppDbContext db, ICurrentUser currentUser, TimeProvider clock, ILogger<CooperationService> logger, INotificationService? notifications = null) : ICooperationService
{
    private const int MaximumSuggestions = 100;

    public async Task<Result<CooperationBoard>> BoardAsync(AccessScope scope, int? directorateId, CancellationToken cancellationToken = default)
    {
        var coverage = await CoverageAsync(scope, directorateId, cancellationToken);
        if (!coverage.Succeeded)
        {
            return coverage.With<CooperationBoard>();
        }

        var partners = await db.Partners.AsNoTracking().Where(p => directorateId == null || p.DirectorateId == directorateId)
            .OrderBy(p => p.NameFr).ThenBy(p => p.Id)
            .Select(p => new PartnerRow(p.Id, p.DirectorateId, p.Kind, p.NameFr, p.NameAr, p.Province!.NameFr, p.Province.NameAr, p.Offers.Count(o => o.Status == OfferStatus.Open)))
            .ToListAsync(cancellationToken);
        var offers = await OfferRows(db.Offers.Where(o => directorateId == null || o.Partner!.DirectorateId == directorateId))
            .ToListAsync(cancellationToken);
        return Result.Success(new CooperationBoard(coverage.Value!, partners, offers.OrderBy(o => o.Status).ThenByDescending(o => o.Id).ToList()));
    }

    public async Task<Result<CooperationCoverage>> CoverageAsync(AccessScope scope, int? directorateId, CancellationToken cancellationToken = default)
    {
        if (!MayWork(scope, directorateId))
        {
            return Result.NotFound().With<CooperationCoverage>();
        }

        var declined = FollowUpStatus.Declined;
        var open = FollowUpLifecycle.Open;
        // Three commands whatever the register's size: needs grouped by covered or not, constraints covered, partners with their open offers.
        var needs = await db.Needs.AsNoTracking()
            .Where(n => directorateId == null || n.Establishment!.Province!.Region!.DirectorateId == directorateId)
            .Select(n => new { n.Status, Cost = n.EstimatedCostMad ?? 0, Covered = db.OfferLinks.Any(l => l.NeedId == n.Id) })
            .Where(n => open.Contains(n.Status) || (n.Status != declined && n.Covered))
            .GroupBy(n => n.Covered)
            .Select(g => new { Covered = g.Key, Count = g.Count(), Cost = g.Sum(n => n.Cost) })
            .ToListAsync(cancellationToken);
        var constraints = await db.Constraints.AsNoTracking()
            .CountAsync(c => (directorateId == null || c.Establishment!.Province!.Region!.DirectorateId == directorateId)
                && c.Status != declined && db.OfferLinks.Any(l => l.ConstraintId == c.Id), cancellationToken);
        var partners = await db.Partners.AsNoTracking().Where(p => directorateId == null || p.DirectorateId == directorateId)
            .Select(p => p.Offers.Count(o => o.Status == OfferStatus.Open)).GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), OpenOffers = g.Sum() }).SingleOrDefaultAsync(cancellationToken);
        var covered = needs.SingleOrDefault(n => n.Covered);
        var uncovered = needs.SingleOrDefault(n => !n.Covered);
        return Result.Success(new CooperationCoverage(partners?.Count ?? 0, partners?.OpenOffers ?? 0, covered?.Count ?? 0, covered?.Cost ?? 0,
            uncovered?.Count ?? 0, uncovered?.Cost ?? 0, constraints));
    }

    public async Task<Result<PartnerView>> PartnerAsync(AccessScope scope, int partnerId, CancellationToken cancellationToken = default)
    {
        var partner = await db.Partners.AsNoTracking().Where(p => p.Id == partnerId)
            .Select(p => new
            {
                p.Id, p.DirectorateId, p.Kind, p.NameFr, p.NameAr, p.ProvinceId, ProvinceFr = p.Province!.NameFr, ProvinceAr = p.Province.NameAr, p.RowVersion,
                Contacts = p.Contacts.OrderBy(c => c.Id).Select(c => new ContactView(c.Name, c.Role, c.Phone, c.Email)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (partner is null || !MayWork(scope, partner.DirectorateId))
        {
            return Result.NotFound().With<PartnerView>();
        }

        var offers = await OfferRows(db.Offers.Where(o => o.PartnerId == partnerId)).ToListAsync(cancellationToken);
        return Result.Success(new PartnerView(partner.Id, partner.DirectorateId, partner.Kind, partner.NameFr, partner.NameAr, partner.ProvinceId,
            partner.ProvinceFr, partner.ProvinceAr, partner.Contacts, offers.OrderBy(o => o.Status).ThenByDescending(o => o.Id).ToList(), partner.RowVersion));
    }

    public async Task<Result<int>> CreatePartnerAsync(AccessScope scope, PartnerInput input, CancellationToken cancellationToken = default)
    {
        var directorateId = scope.IsAdministrator ? input.DirectorateId : scope.DirectorateId;
        if (!scope.Has(Capability.DirectorateWork))
        {
            return Result.Forbidden().With<int>();
        }

        if (directorateId is null || !await db.Directorates.AnyAsync(d => d.Id == directorateId, cancellationToken))
        {
            return Result.Invalid(nameof(PartnerInput.DirectorateId), Messages.ChooseDirectorate).With<int>();
        }

        var invalid = await ValidateAsync(directorateId.Value, input, cancellationToken);
        if (invalid is not null)
        {
            return invalid.With<int>();
        }

        var partner = new Partner { DirectorateId = directorateId.Value, NameFr = input.NameFr! };
        Write(partner, input);
        db.Partners.Add(partner);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Partner {PartnerId} created in directorate {DirectorateId}", partner.Id, partner.DirectorateId);
        return Result.Success(partner.Id);
    }

    public async Task<Result<byte[]>> UpdatePartnerAsync(AccessScope scope, int partnerId, PartnerInput input, byte[] token, CancellationToken cancellationToken = default)
    {
        var partner = await db.Partners.Include(p => p.Contacts).SingleOrDefaultAsync(p => p.Id == partnerId, cancellationToken);
        if (partner is null || !MayWork(scope, partner.DirectorateId))
        {
            return Result.NotFound().With<byte[]>();
        }

        var invalid = await ValidateAsync(partner.DirectorateId, input, cancellationToken);
        if (invalid is not null)
        {
            return invalid.With<byte[]>();
        }

        db.Entry(partner).Property(p => p.RowVersion).OriginalValue = token;
        db.PartnerContacts.RemoveRange(partner.Contacts);
        partner.Contacts.Clear();
        Write(partner, input);
        return await SaveAsync(partner, cancellationToken);
    }

    public async Task<Result<OfferView>> OfferAsync(AccessScope scope, int offerId, CancellationToken cancellationToken = default)
    {
        var offer = await db.Offers.AsNoTracking().Where(o => o.Id == offerId)
            .Select(o => new { o.Partner!.DirectorateId, o.ProvinceId, o.EstablishmentId, o.RowVersion })
            .SingleOrDefaultAsync(cancellationToken);
        if (offer is null || !MayWork(scope, offer.DirectorateId))
        {
            return Result.NotFound().With<OfferView>();
        }

        var row = await OfferRows(db.Offers.Where(o => o.Id == offerId)).SingleAsync(cancellationToken);
        return Result.Success(new OfferView(row, offer.DirectorateId, offer.ProvinceId, offer.EstablishmentId, offer.RowVersion));
    }

    public async Task<Result<int>> CreateOfferAsync(AccessScope scope, int partnerId, OfferInput input, CancellationToken cancellationToken = default)
    {
        var partner = await db.Partners.AsNoTracking().Where(p => p.Id == partnerId).Select(p => new { p.DirectorateId }).SingleOrDefaultAsync(cancellationToken);
        if (partner is null || !MayWork(scope, partner.DirectorateId))
        {
            return Result.NotFound().With<int>();
        }

        var place = await ValidateAsync(partner.DirectorateId, input, cancellationToken);
        if (!place.Succeeded)
        {
            return place.With<int>();
        }

        var offer = new Offer { PartnerId = partnerId, Description = input.Description! };
        Write(offer, input, place.Value);
        db.Offers.Add(offer);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Offer {OfferId} of partner {PartnerId} created", offer.Id, partnerId);
        return Result.Success(offer.Id);
    }

    public async Task<Result<byte[]>> UpdateOfferAsync(AccessScope scope, int offerId, OfferInput input, byte[] token, CancellationToken cancellationToken = default)
    {
        var offer = await db.Offers.Include(o => o.Partner).SingleOrDefaultAsync(o => o.Id == offerId, cancellationToken);
        if (offer is null || !MayWork(scope, offer.Partner!.DirectorateId))
        {
            return Result.NotFound().With<byte[]>();
        }

        var place = await ValidateAsync(offer.Partner.DirectorateId, input, cancellationToken);
        if (!place.Succeeded)
        {
            return place.With<byte[]>();
        }

        db.Entry(offer).Property(o => o.RowVersion).OriginalValue = token;
        Write(offer, input, place.Value);
        return await SaveAsync(offer, cancellationToken);
    }

    public async Task<Result<OfferSuggestions>> SuggestItemsAsync(AccessScope scope, int offerId, CancellationToken cancellationToken = default)
    {
        var offer = await OfferAsync(scope, offerId, cancellationToken);
        if (!offer.Succeeded)
        {
            return offer.With<OfferSuggestions>();
        }

        var row = offer.Value!.Row;
        var directorateId = offer.Value.DirectorateId;
        var links = await db.OfferLinks.Where(l => l.OfferId == offerId).OrderBy(l => l.LinkedAtUtc).ThenBy(l => l.Id)
            .Select(l => new { l.NeedId, l.ConstraintId }).ToListAsync(cancellationToken);
        var linkedKeys = links.Select(l => l.NeedId is { } n ? new RegisterItemKey(ItemType.Need, n) : new RegisterItemKey(ItemType.Constraint, l.ConstraintId!.Value)).ToList();
        var linkedNeeds = linkedKeys.Where(k => k.Type == ItemType.Need).Select(k => k.Id).ToList();
        var linkedConstraints = linkedKeys.Where(k => k.Type == ItemType.Constraint).Select(k => k.Id).ToList();
        var items = await NeedsAsync(db.Needs.Where(n => linkedNeeds.Contains(n.Id) || (n.Establishment!.Province!.Region!.DirectorateId == directorateId
            && FollowUpLifecycle.Open.Contains(n.Status))), cancellationToken);
        foreach (var c in await ConstraintsAsync(db.Constraints.Where(c => linkedConstraints.Contains(c.Id) || (c.Establishment!.Province!.Region!.DirectorateId == directorateId
            && FollowUpLifecycle.Open.Contains(c.Status))), cancellationToken))
        {
            items.Add(c.Key, c.Value);
        }

        var offerPlace = await OfferPlaceAsync(offerId, cancellationToken);
        var ranked = OfferMatching.RankItems(row.Kind, offerPlace, items.Values.Where(i => !linkedKeys.Contains(i.Item.Key))
            .Select(i => new ItemCandidate(i.Item.Key, i.Item.Category, i.Place, OfferMatching.Urgency(i.Item.Priority, i.Item.Severity), i.RaisedAtUtc)));
        var linked = linkedKeys.Select(k => items[k].Item).ToList();
        var suggested = ranked.Take(MaximumSuggestions).Select(r => items[r.Item.Key].Item with { Place = r.Place, OwnCategory = r.OwnCategory }).ToList();
        return Result.Success(new OfferSuggestions(row, linked, suggested));
    }

    public async Task<Result<ItemOffers>> SuggestOffersAsync(AccessScope scope, RegisterItemKey item, CancellationToken cancellationToken = default)
    {
        var found = await ItemAsync(item, cancellationToken);
        if (found is null || !MayWork(scope, found.DirectorateId))
        {
            return Result.NotFound().With<ItemOffers>();
        }

        var linkedIds = await Links(item).OrderBy(l => l.LinkedAtUtc).ThenBy(l => l.Id).Select(l => l.OfferId).ToListAsync(cancellationToken);
        var offers = (await OfferRows(db.Offers.Where(o => linkedIds.Contains(o.Id) || (o.Partner!.DirectorateId == found.DirectorateId && o.Status == OfferStatus.Open)))
            .ToListAsync(cancellationToken)).ToDictionary(o => o.Id);
        var places = await OfferPlacesAsync(offers.Keys, cancellationToken);
        var ranked = OfferMatching.RankOffers(found.Item.Category, found.Place,
            offers.Values.Where(o => !linkedIds.Contains(o.Id)).Select(o => new OfferCandidate(o.Id, o.Kind, places[o.Id], o.ToOn)));
        var linked = linkedIds.Select(id => new OfferSuggestion(offers[id], null, false)).ToList();
        return Result.Success(new ItemOffers(found.Item, linked, ranked.Take(MaximumSuggestions).Select(r => new OfferSuggestion(offers[r.Offer.Id], r.Place, r.OwnCategory)).ToList()));
    }

    private async Task<bool> LinkedMeanwhileAsync(int offerId, RegisterItemKey item, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await Links(item).AnyAsync(l => l.OfferId == offerId, cancellationToken);
    }

    public async Task<Result> LinkAsync(AccessScope scope, int offerId, RegisterItemKey item, CancellationToken cancellationToken = default)
    {
        var pair = await PairAsync(scope, offerId, item, cancellationToken);
        if (!pair.Succeeded)
        {
            return pair;
        }

        if (await Links(item).AnyAsync(l => l.OfferId == offerId, cancellationToken))
        {
            return Result.Success();
        }

        if (pair.Value!.OfferStatus != OfferStatus.Open)
        {
            return Result.Invalid(FieldError.Form, Messages.OfferNotOpen);
        }

        var tracked = await TrackedAsync(item, cancellationToken);
        if (!FollowUpLifecycle.Open.Contains(tracked.Status))
        {
            return Result.Invalid(FieldError.Form, Messages.ItemNotOpen);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.OfferLinks.Add(new OfferLink
        {
            OfferId = offerId, NeedId = tracked is Need ? item.Id : null, ConstraintId = tracked is Constraint ? item.Id : null, LinkedAtUtc = now, LinkedBy = currentUser.UserId,
        });
        db.FollowUpEntries.Add(FollowUpService.Entry(tracked, FollowUpEventKind.OfferLinked, pair.Value.Offer, currentUser, now, pair.Value.Partner));
        if (!await db.TrySaveAsync<OfferLink>(ct => LinkedMeanwhileAsync(offerId, item, ct), cancellationToken))
        {
            // The same link posted twice at once (a double click on a slow link): the unique index kept the first one.
            return Result.Success();
        }

        logger.LogInformation("Offer {OfferId} linked to {ItemType} {ItemId}", offerId, item.Type, item.Id);
        await NotifyAsync(scope, tracked, cancellationToken);
        return Result.Success();
    }

    public async Task<Result> UnlinkAsync(AccessScope scope, int offerId, RegisterItemKey item, CancellationToken cancellationToken = default)
    {
        var pair = await PairAsync(scope, offerId, item, cancellationToken);
        if (!pair.Succeeded)
        {
            return pair;
        }

        var link = await Links(item).SingleOrDefaultAsync(l => l.OfferId == offerId, cancellationToken);
        if (link is null)
        {
            return Result.Success();
        }

        var tracked = await TrackedAsync(item, cancellationToken);
        db.OfferLinks.Remove(link);
        db.FollowUpEntries.Add(FollowUpService.Entry(tracked, FollowUpEventKind.OfferUnlinked, pair.Value!.Offer, currentUser, clock.GetUtcNow().UtcDateTime, pair.Value.Partner));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Offer {OfferId} unlinked from {ItemType} {ItemId}", offerId, item.Type, item.Id);
        await NotifyAsync(scope, tracked, cancellationToken);
        return Result.Success();
    }

    public async Task<IReadOnlyList<LinkedOffer>> LinkedToItemAsync(AccessScope scope, RegisterItemKey item, CancellationToken cancellationToken = default)
    {
        var owner = await OwnerAsync(item, cancellationToken);
        if (owner is null || !scope.Can(AccessOperation.Read, owner.Value))
        {
            return [];
        }

        return await Links(item).AsNoTracking().OrderBy(l => l.LinkedAtUtc).ThenBy(l => l.Id)
            .Select(l => new LinkedOffer(l.OfferId, l.Offer!.Partner!.Kind, l.Offer.Partner.NameFr, l.Offer.Partner.NameAr, l.Offer.Kind, l.Offer.Description,
                l.Offer.Quantity, l.Offer.Unit, l.Offer.ValueMad, l.Offer.FromOn, l.Offer.ToOn, l.Offer.Status))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Directorate work on <paramref name="directorateId"/>; null means every directorate, which only administrators reach.</summary>
    private static bool MayWork(AccessScope scope, int? directorateId) =>
        scope.Has(Capability.DirectorateWork) && (directorateId is { } d ? scope.CanReadDirectorate(d) : scope.IsAdministrator);

    private static IQueryable<OfferRow> OfferRows(IQueryable<Offer> offers) => offers.AsNoTracking().Select(o => new OfferRow(
        o.Id, o.PartnerId, o.Partner!.NameFr, o.Partner.NameAr, o.Kind, o.Description, o.Quantity, o.Unit, o.ValueMad,
        o.Establishment != null ? o.Establishment.NameFr : o.Province != null ? o.Province.NameFr : null,
        o.Establishment != null ? o.Establishment.NameAr : o.Province != null ? o.Province.NameAr : null,
        o.FromOn, o.ToOn, o.Status, o.Links.Count));

    private sealed record ItemEntry(ItemSuggestion Item, int DirectorateId, Place Place, DateTime RaisedAtUtc);

    private async Task<Dictionary<RegisterItemKey, ItemEntry>> NeedsAsync(IQueryable<Need> needs, CancellationToken cancellationToken) =>
        (await needs.AsNoTracking().Select(n => new
        {
            Item = new ItemSuggestion(new RegisterItemKey(ItemType.Need, n.Id), n.Establishment!.NameFr, n.Establishment.NameAr, n.Establishment.Province!.NameFr,
                n.Establishment.Province.NameAr, n.Category, n.Priority, null, n.Description, n.EstimatedCostMad, n.Status, null, false),
            n.Establishment.Province.Region!.DirectorateId, n.Establishment.ProvinceId, n.Establishment.Province.RegionId, n.CreatedAtUtc,
        }).ToListAsync(cancellationToken))
        .ToDictionary(n => n.Item.Key, n => new ItemEntry(n.Item, n.DirectorateId, new Place(n.ProvinceId, n.RegionId), n.CreatedAtUtc));

    private async Task<Dictionary<RegisterItemKey, ItemEntry>> ConstraintsAsync(IQueryable<Constraint> constraints, CancellationToken cancellationToken) =>
        (await constraints.AsNoTracking().Select(c => new
        {
            Item = new ItemSuggestion(new RegisterItemKey(ItemType.Constraint, c.Id), c.Establishment!.NameFr, c.Establishment.NameAr, c.Establishment.Province!.NameFr,
                c.Establishment.Province.NameAr, c.Category, null, c.Severity, c.Description, null, c.Status, null, false),
            c.Establishment.Province.Region!.DirectorateId, c.Establishment.ProvinceId, c.Establishment.Province.RegionId, c.CreatedAtUtc,
        }).ToListAsync(cancellationToken))
        .ToDictionary(c => c.Item.Key, c => new ItemEntry(c.Item, c.DirectorateId, new Place(c.ProvinceId, c.RegionId), c.CreatedAtUtc));

    /// <summary>One need or constraint as the board shows it; null when there is none of that type and id.</summary>
    private async Task<ItemEntry?> ItemAsync(RegisterItemKey item, CancellationToken cancellationToken) => item.Type switch
    {
        ItemType.Need => (await NeedsAsync(db.Needs.Where(n => n.Id == item.Id), cancellationToken)).Values.SingleOrDefault(),
        ItemType.Constraint => (await ConstraintsAsync(db.Constraints.Where(c => c.Id == item.Id), cancellationToken)).Values.SingleOrDefault(),
        _ => null,
    };

    private IQueryable<OfferLink> Links(RegisterItemKey item) => item.Type == ItemType.Need
        ? db.OfferLinks.Where(l => l.NeedId == item.Id)
        : db.OfferLinks.Where(l => l.ConstraintId == item.Id);

    private Task<EstablishmentRef?> OwnerAsync(RegisterItemKey item, CancellationToken cancellationToken) => item.Type switch
    {
        ItemType.Need => db.Needs.AsNoTracking().Where(n => n.Id == item.Id)
            .Select(n => (EstablishmentRef?)new EstablishmentRef(n.EstablishmentId, n.Establishment!.Province!.Region!.DirectorateId)).SingleOrDefaultAsync(cancellationToken),
        ItemType.Constraint => db.Constraints.AsNoTracking().Where(c => c.Id == item.Id)
            .Select(c => (EstablishmentRef?)new EstablishmentRef(c.EstablishmentId, c.Establishment!.Province!.Region!.DirectorateId)).SingleOrDefaultAsync(cancellationToken),
        _ => Task.FromResult<EstablishmentRef?>(null),
    };

    private async Task<IRegisterItem> TrackedAsync(RegisterItemKey item, CancellationToken cancellationToken) => item.Type == ItemType.Need
        ? await db.Needs.SingleAsync(n => n.Id == item.Id, cancellationToken)
        : await db.Constraints.SingleAsync(c => c.Id == item.Id, cancellationToken);

    /// <summary>The item's directors hear of the link as of any other change to their items; without a notice service (tests), nobody does.</summary>
    private Task NotifyAsync(AccessScope scope, IRegisterItem item, CancellationToken cancellationToken) =>
        notifications is null ? Task.CompletedTask : FollowUpService.NotifyDirectorsAsync(db, notifications, scope, [item], cancellationToken);

    private async Task<Place> OfferPlaceAsync(int offerId, CancellationToken cancellationToken) => (await OfferPlacesAsync([offerId], cancellationToken))[offerId];

    /// <summary>Where each offer is: its own province (set from its establishment when it names one), else its partner's.</summary>
    private async Task<Dictionary<int, Place>> OfferPlacesAsync(IEnumerable<int> offerIds, CancellationToken cancellationToken)
    {
        var ids = offerIds.ToList();
        var provinces = await db.Offers.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, ProvinceId = o.ProvinceId ?? o.Partner!.ProvinceId }).ToListAsync(cancellationToken);
        var provinceIds = provinces.Where(p => p.ProvinceId != null).Select(p => p.ProvinceId!.Value).Distinct().ToList();
        var regions = await db.Provinces.AsNoTracking().Where(p => provinceIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.RegionId, cancellationToken);
        return provinces.ToDictionary(p => p.Id, p => new Place(p.ProvinceId, p.ProvinceId is { } id ? regions[id] : null));
    }

    /// <summary>The offer's status, and what the history keeps: the offer's description and its partner's names (never a contact).</summary>
    private sealed record Pair(OfferStatus OfferStatus, string Offer, FollowUpFacts Partner);

    /// <summary>An offer and a need or constraint of the same directorate, within the scope's; not found otherwise.</summary>
    private async Task<Result<Pair>> PairAsync(AccessScope scope, int offerId, RegisterItemKey item, CancellationToken cancellationToken)
    {
        var offer = await db.Offers.AsNoTracking().Where(o => o.Id == offerId)
            .Select(o => new { o.Partner!.DirectorateId, o.Status, o.Partner.NameFr, o.Partner.NameAr, o.Description }).SingleOrDefaultAsync(cancellationToken);
        var owner = await OwnerAsync(item, cancellationToken);
        return offer is null || owner is null || offer.DirectorateId != owner.Value.DirectorateId || !MayWork(scope, offer.DirectorateId)
            ? Result.NotFound().With<Pair>()
            : Result.Success(new Pair(offer.Status, offer.Description, new FollowUpFacts { PartnerFr = offer.NameFr, PartnerAr = offer.NameAr }));
    }

    private async Task<Result?> ValidateAsync(int directorateId, PartnerInput input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.NameFr))
        {
            errors.Add(new FieldError(nameof(PartnerInput.NameFr), Messages.PartnerNameRequired));
        }

        if (input.ProvinceId is { } province && !await db.Provinces.AnyAsync(p => p.Id == province && p.Region!.DirectorateId == directorateId, cancellationToken))
        {
            errors.Add(new FieldError(nameof(PartnerInput.ProvinceId), Messages.ProvinceOutsideDirectorate));
        }

        if (input.Kept.Count > CooperationLengths.Contacts)
        {
            errors.Add(new FieldError(FieldError.Form, Messages.TooManyContacts, CooperationLengths.Contacts));
        }

        for (var i = 0; i < input.Contacts.Count; i++)
        {
            if (!input.Contacts[i].IsBlank && string.IsNullOrWhiteSpace(input.Contacts[i].Name))
            {
                errors.Add(new FieldError($"{nameof(PartnerInput.Contacts)}[{i}].{nameof(ContactInput.Name)}", Messages.ContactNameRequired));
            }
        }

        return errors.Count == 0 ? null : Result.Invalid(errors);
    }

    /// <summary>Checks the offer; its value is the province the offer is in (its establishment's when it names one).</summary>
    private async Task<Result<int?>> ValidateAsync(int directorateId, OfferInput input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Description))
        {
            errors.Add(new FieldError(nameof(OfferInput.Description), Messages.OfferDescriptionRequired));
        }

        if (input.FromOn is { } from && input.ToOn is { } to && to < from)
        {
            errors.Add(new FieldError(nameof(OfferInput.ToOn), Messages.OfferPeriodReversed));
        }

        var province = input.ProvinceId;
        if (input.EstablishmentId is { } establishment)
        {
            province = await db.Establishments.Where(e => e.Id == establishment && e.Province!.Region!.DirectorateId == directorateId)
                .Select(e => (int?)e.ProvinceId).SingleOrDefaultAsync(cancellationToken);
            if (province is null)
            {
                errors.Add(new FieldError(nameof(OfferInput.EstablishmentId), Messages.EstablishmentOutsideDirectorate));
            }
        }
        else if (province is { } p && !await db.Provinces.AnyAsync(x => x.Id == p && x.Region!.DirectorateId == directorateId, cancellationToken))
        {
            errors.Add(new FieldError(nameof(OfferInput.ProvinceId), Messages.ProvinceOutsideDirectorate));
        }

        return errors.Count == 0 ? Result.Success(province) : Result.Invalid(errors).With<int?>();
    }

    private static void Write(Partner partner, PartnerInput input)
    {
        partner.Kind = input.Kind;
        partner.NameFr = input.NameFr!;
        partner.NameAr = string.IsNullOrWhiteSpace(input.NameAr) ? null : input.NameAr;
        partner.ProvinceId = input.ProvinceId;
        partner.Contacts.AddRange(input.Kept.Select(c => new PartnerContact { Name = c.Name!, Role = c.Role, Phone = c.Phone, Email = c.Email }));
    }

    private static void Write(Offer offer, OfferInput input, int? province)
    {
        offer.Kind = input.Kind;
        offer.Description = input.Description!;
        offer.Quantity = input.Quantity;
        offer.Unit = string.IsNullOrWhiteSpace(input.Unit) ? null : input.Unit;
        offer.ValueMad = input.ValueMad;
        offer.ProvinceId = province;
        offer.EstablishmentId = input.EstablishmentId;
        offer.FromOn = input.FromOn;
        offer.ToOn = input.ToOn;
        offer.Status = input.Status;
    }

    private async Task<Result<byte[]>> SaveAsync(EditableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("{Entity} {Id} saved", entity.GetType().Name, entity.Id);
            return Result.Success(entity.RowVersion);
        }
        catch (DbUpdateConcurrencyException)
        {
            var stored = await db.Entry(entity).GetDatabaseValuesAsync(cancellationToken);
            return Result.Conflict().With(stored?.GetValue<byte[]>(nameof(EditableEntity.RowVersion)));
        }
    }
}
