using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Localization;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Web.Infrastructure.Export;
using RegionalTraining.Web.Infrastructure.Localization;
using RegionalTraining.Web.ViewModels.Shared;

namespace RegionalTraining.Web.ViewModels.Register;

/// <summary>The register's filters, bound from the address so a view can be bookmarked and shared.</summary>
public sealed class RegisterQuery
{
    public int? Directorate { get; set; }

    public ItemType? Kind { get; set; }

    public NeedCategory? Category { get; set; }

    public Priority? Priority { get; set; }

    public Severity? Severity { get; set; }

    public FollowUpStatus? Status { get; set; }

    public int? Province { get; set; }

    public EstablishmentType? Type { get; set; }

    public int? Establishment { get; set; }

    public ItemOwner? Owner { get; set; }

    public bool Overdue { get; set; }

    /// <summary>Only items escalated to the national office.</summary>
    public bool Escalated { get; set; }

    /// <summary>Raised at least this many days ago.</summary>
    [Range(0, 36500)]
    public int? Age { get; set; }

    public RegisterSort Sort { get; set; } = RegisterSort.Newest;

    public int Page { get; set; } = 1;

    public RegisterFilter ToFilter(AccessScope scope, int pageSize = 50) => new(
        scope.DirectorateInFocus(Directorate), Kind, Category, Priority, Severity, Status, Province, Type, Establishment, Owner, Overdue, Age, Sort, Page, pageSize) { Escalated = Escalated };

    /// <summary>The filters as route values, for the pager, the sort links and the export links.</summary>
    public Dictionary<string, string?> RouteValues()
    {
        var values = new Dictionary<string, string?>
        {
            ["directorate"] = Directorate?.ToString(CultureInfo.InvariantCulture), ["kind"] = Kind?.ToString(), ["category"] = Category?.ToString(),
            ["priority"] = Priority?.ToString(), ["severity"] = Severity?.ToString(), ["status"] = Status?.ToString(),
            ["province"] = Province?.ToString(CultureInfo.InvariantCulture), ["type"] = Type?.ToString(),
            ["establishment"] = Establishment?.ToString(CultureInfo.InvariantCulture), ["owner"] = Owner?.ToString(),
            ["overdue"] = Overdue ? "true" : null, ["escalated"] = Escalated ? "true" : null, ["age"] = Age?.ToString(CultureInfo.InvariantCulture), ["sort"] = Sort == RegisterSort.Newest ? null : Sort.ToString(),
        };
        return values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value);
    }
}

public sealed record RegisterIndexViewModel(
    PagedResult<RegisterRow> Result, RegisterQuery Query, IReadOnlyList<Option> Provinces, IReadOnlyList<Option> Establishments, PagerModel Pager, BulkAssignForm Bulk,
    IReadOnlyList<RecurringGroup> Recurring)
{
    public static RegisterIndexViewModel From(RegisterPage page, RegisterQuery query, BulkAssignForm bulk) => new(
        page.Result, query, page.Provinces, page.Establishments,
        new PagerModel(page.Result.Page, page.Result.PageCount, page.Result.TotalCount, "Index", query.RouteValues()), bulk, page.Recurring)
    {
        Directorates = page.Directorates,
    };

    /// <summary>The directorates an administrator filters the national register by (empty for everyone else).</summary>
    public IReadOnlyList<Option> Directorates { get; init; } = [];
}

/// <summary>Owner, due date and plan for the items ticked in the register.</summary>
public sealed class BulkAssignForm
{
    public List<int> NeedIds { get; set; } = [];

    public List<int> ConstraintIds { get; set; } = [];

    [Display(Name = "Owner")]
    public ItemOwner? Owner { get; set; }

    [Display(Name = "Due date")]
    public DateOnly? DueOn { get; set; }

    [StringLength(FieldLengths.Text, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [StoredIn(typeof(Need), nameof(Need.Plan))]
    [Display(Name = "Plan")]
    public string? Plan { get; set; }

    public BulkAssignInput ToInput() => new(
        [.. NeedIds.Select(id => new RegisterItemKey(ItemType.Need, id)), .. ConstraintIds.Select(id => new RegisterItemKey(ItemType.Constraint, id))], Owner, DueOn, Plan);
}

/// <summary>One step on an item: which action, and the fields it needs (the others are ignored).</summary>
public sealed class FollowUpForm
{
    public FollowUpAction Action { get; set; }

    [Display(Name = "Owner")]
    public ItemOwner? Owner { get; set; }

    [Display(Name = "Due date")]
    public DateOnly? DueOn { get; set; }

    [StringLength(FieldLengths.Text, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [StoredIn(typeof(Need), nameof(Need.Plan))]
    [Display(Name = "Plan")]
    public string? Plan { get; set; }

    [StringLength(FieldLengths.Text, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [StoredIn(typeof(FollowUpEntry), nameof(FollowUpEntry.Text))]
    [Display(Name = "Text")]
    public string? Text { get; set; }

    [Display(Name = "Date")]
    public DateOnly? On { get; set; }

    /// <summary>The optional photo or document of a resolution (JPEG, PNG or PDF; checked by content in Core).</summary>
    [Display(Name = "Photo or document")]
    public Microsoft.AspNetCore.Http.IFormFile? Evidence { get; set; }

    public FollowUpCommand ToCommand() => new(
        Action, Owner, DueOn, Plan, Text, On, Evidence is { Length: > 0 } file ? new EvidenceUpload(file.OpenReadStream(), file.FileName) : null);
    /// <summary>What the flash says when the step was taken.</summary>
    public string SuccessMessage => Action switch
    {
        FollowUpAction.Comment => Messages.FollowUpCommented,
        FollowUpAction.Escalate => Messages.ItemEscalated,
        _ => Messages.FollowUpSaved,
    };
}

/// <summary>The item's page; <see cref="Form"/> holds what was typed when a step was refused.</summary>
public sealed record RegisterItemViewModel(RegisterItemView Item, FollowUpForm Form, bool CanSeeRegister);

/// <summary>An item the directorate raises itself.</summary>
public sealed class RaiseForm
{
    [Display(Name = "Kind")]
    public ItemType Type { get; set; } = ItemType.Constraint;

    [Display(Name = "Establishment")]
    public int EstablishmentId { get; set; }

    [Display(Name = "Category")]
    public NeedCategory Category { get; set; } = NeedCategory.Infrastructure;

    [StringLength(FieldLengths.Text, ErrorMessage = "The {0} field must have at most {1} characters.")]
    [StoredIn(typeof(Need), nameof(Need.Description))]
    [Display(Name = "Description")]
    public string? Description { get; set; }

    [Display(Name = "Priority")]
    public Priority Priority { get; set; } = Priority.Medium;

    [Display(Name = "Severity")]
    public Severity Severity { get; set; } = Severity.Moderate;

    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public IReadOnlyList<Option> Establishments { get; set; } = [];

    public RaiseItemInput ToInput() => new(Type, EstablishmentId, Category, Description, Priority, Severity);
}

/// <summary>The register as a table, the same for the screen's export and the file.</summary>
public static class RegisterTable
{
    public static ExportTable Build(IReadOnlyList<RegisterRow> rows, IStringLocalizer t, bool arabic) => new(
        t["Register of needs and constraints"],
        [t["Kind"], t["Establishment"], t["Province"], t["Category"], t["Priority or severity"], t["Description"], t["Status"], t["Owner"], t["Due date"], t["Raised on"], t["Overdue"], t["Estimated cost (MAD)"]],
        rows.Select(r => (IReadOnlyList<object?>)
        [
            t.Label(r.Type).Value, arabic ? r.EstablishmentAr : r.EstablishmentFr, arabic ? r.ProvinceAr : r.ProvinceFr, t.Label(r.Category).Value,
            Rank(t, r), r.Description, t.Label(r.Status).Value, r.Owner is { } o ? t.Label(o).Value : null,
            r.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.RaisedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.Overdue ? t["Yes"].Value : null, r.EstimatedCostMad,
        ]).ToList());

    /// <summary>A need's priority or a constraint's severity in the reader's language; "not stated" when the item has none.</summary>
    public static string Rank(IStringLocalizer t, RegisterRow r) => (r.Priority, r.Severity) switch
    {
        ({ } p, _) => t.Label(p).Value,
        (_, { } s) => t.Label(s).Value,
        _ => t["Not stated"].Value,
    };
}
