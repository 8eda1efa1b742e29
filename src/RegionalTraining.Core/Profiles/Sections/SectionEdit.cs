namespace RegionalTraining.Core.Profiles.Sections;

/// <summary>A save of one section: what was typed, the section's token read with the page, and the comment on its warnings.</summary>
public sealed record SectionEdit<TInput>(TInput Input, Guid Version, string? WarningComment)
    where TInput : ISectionInput;
