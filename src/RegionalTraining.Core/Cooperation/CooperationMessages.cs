namespace RegionalTraining.Core.Common;

/// <summary>Messages of the cooperation board: partners, their offers, and the offers linked to needs and constraints.</summary>
public static partial class Messages
{
    public const string PartnerNameRequired = "Give the partner's name in French.";
    public const string ProvinceOutsideDirectorate = "Choose a province of the partner's directorate.";
    public const string EstablishmentOutsideDirectorate = "Choose an establishment of the partner's directorate.";
    public const string ContactNameRequired = "Give the contact's name.";
    public const string TooManyContacts = "A partner has at most {0} contacts.";
    public const string OfferDescriptionRequired = "Describe the offer.";
    public const string OfferPeriodReversed = "The end of the period cannot be before its start.";
    public const string OfferNotOpen = "Only an open offer can be linked to a need or a constraint.";
    public const string ItemNotOpen = "Only an open need or constraint can receive an offer.";

    public const string PartnerSaved = "The partner was saved.";
    public const string OfferSaved = "The offer was saved.";
    public const string OfferLinked = "The offer was linked to the item.";
    public const string OfferUnlinked = "The offer was unlinked from the item.";
}
