using System.ComponentModel.DataAnnotations;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles;
using RegionalTraining.Core.Profiles.Sections;

namespace RegionalTraining.Web.ViewModels.Profiles;

/// <summary>What every section form posts beside its input: the section's token and the comment explaining warnings.</summary>
public sealed class SectionPost
{
    public Guid Version { get; set; }

    [StringLength(FieldLengths.Text, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [StoredIn(typeof(ProfileSectionState), nameof(ProfileSectionState.WarningComment))]
    [Display(Name = "Comment on this section (explain the warnings)")]
    public string? WarningComment { get; set; }
}

/// <summary>What every section page shows around its input: the header, the findings, the token and the comment.</summary>
public abstract class SectionForm
{
    public required ProfileHeader Header { get; init; }

    public required IssueList Issues { get; init; }

    public Guid Version { get; init; }

    public string? WarningComment { get; init; }
}

/// <summary>A section page: the Core input record itself, as stored or as typed, and what surrounds it.</summary>
public sealed class SectionForm<TInput> : SectionForm
    where TInput : ISectionInput
{
    public required TInput Input { get; init; }

    /// <summary>The programmes to choose from (the programmes section only).</summary>
    public IReadOnlyList<ProgrammeOption> Catalogue { get; init; } = [];
}

/// <summary>The one place a profile's read model becomes a section page.</summary>
public static class SectionForms
{
    /// <param name="nowSaved">After a refused save: the stored value of each field that differs from what was typed.</param>
    public static SectionForm<TInput> Create<TInput>(
        ProfileView view, TInput input, Guid version, string? warningComment, IReadOnlyDictionary<string, object?>? nowSaved, IReadOnlyList<ProgrammeOption> catalogue)
        where TInput : ISectionInput => new()
    {
        Header = ProfileHeader.From(view, TInput.Section, TInput.Section.ToString()),
        Issues = new IssueList(view.Issues.Where(i => i.Section == TInput.Section).ToList(), nowSaved),
        Version = version,
        WarningComment = warningComment,
        Input = WithBlankRows(input),
        Catalogue = catalogue,
    };

    /// <summary>The section as stored, with its token and comment.</summary>
    public static SectionForm<TInput> AsStored<TInput>(ProfileView view, TInput stored, IReadOnlyList<ProgrammeOption> catalogue)
        where TInput : ISectionInput
    {
        var state = view.StateOf(TInput.Section);
        return Create(view, stored, state.Version, state.WarningComment, null, catalogue);
    }

    /// <summary>
    /// The section as typed after a refused save; after a conflict it carries the stored token and shows the stored
    /// value under each field that differs from what was typed.
    /// </summary>
    public static SectionForm<TInput> Again<TInput>(
        ProfileView view, TInput typed, SectionPost post, TInput stored, bool conflict, IReadOnlyList<ProgrammeOption> catalogue)
        where TInput : ISectionInput
    {
        var state = view.StateOf(TInput.Section);
        var nowSaved = conflict ? SectionFields.Differences(typed, stored) : null;
        if (conflict && SectionFields.Text(post.WarningComment) != SectionFields.Text(state.WarningComment))
        {
            nowSaved![nameof(SectionPost.WarningComment)] = state.WarningComment;
        }

        return Create(view, typed, conflict ? state.Version : post.Version, post.WarningComment, nowSaved, catalogue);
    }

    /// <summary>Empty rows to add to lists without script; more appear after each save.</summary>
    private static TInput WithBlankRows<TInput>(TInput input) => (TInput)(object)(input switch
    {
        MaterialResourcesInput m => m with { Equipment = [.. m.Equipment, new(), new()] },
        ProgrammesInput p => p with { Programmes = [.. p.Programmes, new(), new()] },
        NeedsInput n => n with { Needs = [.. n.Needs, new()] },
        ConstraintsInput c => c with { Constraints = [.. c.Constraints, new()] },
        _ => (object)input!,
    });
}
