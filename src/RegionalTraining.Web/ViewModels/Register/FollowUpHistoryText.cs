using System.Globalization;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Web.Infrastructure.Localization;

namespace RegionalTraining.Web.ViewModels.Register;

/// <summary>
/// An item's history line in the reader's language: its stored facts (owner, dates, levels, the fields an edit
/// changed) are labelled now, with the people's own words as they wrote them (decision 0028). A line written before
/// facts were kept shows its text as stored.
/// </summary>
public static class FollowUpHistoryText
{
    private const string Separator = " · ";

    public static string? Render(IStringLocalizer t, FollowUpHistoryLine h)
    {
        if (h.Facts is not { } f)
        {
            return Older(t, h);
        }

        var parts = h.Kind switch
        {
            FollowUpEventKind.Assigned => [f.Owner is { } o ? t.Label(o).Value : null, Dated(t["Due date: {0}", Day(f.DueOn)], f.DueOn), h.Text],
            FollowUpEventKind.Resolved => [Dated(t["Resolved on: {0}", Day(f.On)], f.On), h.Text],
            FollowUpEventKind.Deferred => [Dated(t["Deferred until: {0}", Day(f.On)], f.On), h.Text],
            FollowUpEventKind.Raised or FollowUpEventKind.Edited => Item(t, f, h.Text),
            FollowUpEventKind.OfferLinked or FollowUpEventKind.OfferUnlinked => [Bilingual.Pick(f.PartnerAr, f.PartnerFr), h.Text],
            _ => new[] { h.Text },
        };
        var text = string.Join(Separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)));
        return text.Length == 0 ? null : text;
    }

    /// <summary>What a sheet (or the directorate) said of the item: the fields an edit changed, then the item as it stands.</summary>
    private static string?[] Item(IStringLocalizer t, FollowUpFacts f, string? description)
    {
        var culture = CultureInfo.CurrentCulture;
        return
        [
            f.Changed.Count == 0 ? null : t["Changed values: {0}", string.Join(", ", f.Changed.Select(c => FieldName(t, c)))].Value,
            f.Category is { } category ? t.Label(category).Value : null,
            f.Priority is { } priority ? t.Label(priority).Value : f.Severity is { } severity ? t.Label(severity).Value : null,
            description,
            f.Quantity is { } quantity ? t["Quantity: {0}", quantity.ToString("N0", culture)].Value : null,
            f.EstimatedCostMad is { } cost ? t["Estimated cost (MAD): {0}", cost.ToString("#,##0.##", culture)].Value : null,
            string.IsNullOrWhiteSpace(f.EffectOnTraining) ? null : t["Effect on training: {0}", f.EffectOnTraining].Value,
            string.IsNullOrWhiteSpace(f.ProposedSolution) ? null : t["Proposed solution: {0}", f.ProposedSolution].Value,
        ];
    }

    public static string FieldName(IStringLocalizer t, ItemField field) => field switch
    {
        ItemField.Category => t["Category"],
        ItemField.Priority => t["Priority"],
        ItemField.Severity => t["Severity"],
        ItemField.Description => t["Description"],
        ItemField.Quantity => t["Quantity"],
        ItemField.EstimatedCost => t["Estimated cost (MAD)"],
        ItemField.EffectOnTraining => t["Effect on training"],
        _ => t["Proposed solution"],
    };

    /// <summary>A labelled day's text, or nothing when the line has no such day.</summary>
    private static string? Dated(LocalizedString labelled, DateOnly? day) => day is null ? null : labelled.Value;

    /// <summary>The date kept left to right inside right-to-left text (an isolate, as the line is a plain string).</summary>
    private static string Day(DateOnly? day) => Shared.LayoutHelpers.LeftToRight(day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty);

    /// <summary>
    /// A line written before facts were kept: its text as stored (old lines are not rewritten), except an assignment's
    /// leading owner, stored as the enum's name, which is shown in the reader's language.
    /// </summary>
    private static string? Older(IStringLocalizer t, FollowUpHistoryLine h)
    {
        if (h.Text is null)
        {
            return null;
        }

        var parts = h.Text.Split(Separator, 2);
        return h.Kind == FollowUpEventKind.Assigned && Enum.TryParse<ItemOwner>(parts[0], out var owner)
            ? t.Label(owner) + (parts.Length > 1 ? Separator + parts[1] : "")
            : h.Text;
    }
}
