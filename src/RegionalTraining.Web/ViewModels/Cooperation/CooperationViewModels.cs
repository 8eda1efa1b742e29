using RegionalTraining.Core.Cooperation;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Web.ViewModels.Cooperation;

/// <summary>The cooperation board's first page: coverage, partners and offers of the directorate in focus.</summary>
public sealed record CooperationIndexViewModel(CooperationBoard Board, int? Directorate, IReadOnlyList<Option> Directorates, bool ChoosesDirectorate);

/// <summary>
/// The partner form: the input as typed (its fields post without prefix), the token and the option lists. The form
/// always shows the contacts typed plus one blank row, up to <see cref="CooperationLengths.Contacts"/>.
/// </summary>
public sealed record PartnerFormViewModel(int? Id, PartnerInput Input, string? RowVersion, IReadOnlyList<Option> Provinces, IReadOnlyList<Option> Directorates, bool ChoosesDirectorate)
{
    public IReadOnlyList<ContactInput> ContactRows =>
        [.. Input.Contacts.Take(CooperationLengths.Contacts), .. Enumerable.Repeat(new ContactInput(), Math.Max(0, Math.Min(1, CooperationLengths.Contacts - Input.Contacts.Count)))];

    public static PartnerInput ToInput(PartnerView p) => new()
    {
        Kind = p.Kind, NameFr = p.NameFr, NameAr = p.NameAr, ProvinceId = p.ProvinceId, DirectorateId = p.DirectorateId,
        Contacts = p.Contacts.Select(c => new ContactInput { Name = c.Name, Role = c.Role, Phone = c.Phone, Email = c.Email }).ToList(),
    };
}

/// <summary>The offer form: its partner, the input as typed, the token and the places of the partner's directorate.</summary>
public sealed record OfferFormViewModel(int? Id, int PartnerId, string PartnerFr, string? PartnerAr, OfferInput Input, string? RowVersion, IReadOnlyList<Option> Provinces, IReadOnlyList<Option> Establishments);

/// <summary>The offers linked to a need or a constraint, on the item's page; <see cref="CanManage"/>: the directorate's members, who also get the suggestions.</summary>
public sealed record PartnerOffersViewModel(RegisterItemKey Item, IReadOnlyList<LinkedOffer> Offers, bool CanManage);
