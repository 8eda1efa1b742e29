namespace RegionalTraining.Core.Common;

/// <summary>Messages of the establishment directory, provinces and the programme catalogue.</summary>
public static partial class Messages
{
    public const string EstablishmentConflict = "Someone else saved this establishment after you opened it. Your changes were not saved and are still below; the value now saved is shown under each field that differs. Check them and save again.";
    public const string EstablishmentSaved = "The establishment was saved.";
    public const string EstablishmentCodeTaken = "This code is already used by another establishment.";
    public const string ProvinceSaved = "The province was saved.";
    public const string ProgrammeSaved = "The programme was saved.";
    public const string ProgrammeCodeTaken = "This code is already used by another programme.";
    public const string ChooseProvince = "Choose a province from the list.";
    public const string ChooseComplex = "Choose a complex from the list.";
    public const string ChooseRegion = "Choose a region from the list.";
    public const string ChooseSector = "Choose a sector from the list.";
    public const string ChooseDirectorate = "Choose a directorate from the list.";
    public const string ChooseEstablishments = "Choose establishments from the list.";
}
