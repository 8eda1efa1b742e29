namespace RegionalTraining.Core.Profiles.Sections;

/// <summary>The sections the rules read, together: some rules compare two sections (trainees per trainer).</summary>
public sealed record ProfileInputs(
    GeneralInput General, HumanResourcesInput HumanResources, MaterialResourcesInput MaterialResources, ProgrammesInput Programmes)
{
    public static readonly ProfileInputs Empty = new(new GeneralInput(), new HumanResourcesInput(), new MaterialResourcesInput(), new ProgrammesInput());

    public static ProfileInputs From(EstablishmentProfile p) =>
        new(GeneralInput.From(p), HumanResourcesInput.From(p), MaterialResourcesInput.From(p), ProgrammesInput.From(p));

    /// <summary>What a new year's sheet starts from, section by section.</summary>
    public ProfileInputs ForNewYear() =>
        new(General.ForNewYear(), HumanResources.ForNewYear(), MaterialResources.ForNewYear(), Programmes.ForNewYear());
}
