using RegionalTraining.Core.Common;
using RegionalTraining.Core.Search;
using RegionalTraining.Web.ViewModels.Shared;

namespace RegionalTraining.Web.ViewModels.Search;

public sealed record SearchPageViewModel(PagedResult<SearchResultItem> Result, string? Search)
{
    public PagerModel Pager => new(Result.Page, Result.PageCount, Result.TotalCount, "Index", new Dictionary<string, string?> { ["q"] = Search });

    /// <summary>Where a result leads: a published meeting's public page, otherwise the page staff or directors work on.</summary>
    public static string Link(SearchResultItem item) => item.Kind switch
    {
        SearchKind.Meeting when item.Slug is not null => $"/archive/{item.Slug}",
        SearchKind.Meeting => $"/Meetings/Details/{item.EntityId}",
        SearchKind.Decision => $"/Meetings/Details/{item.ParentId}",
        SearchKind.Need when item.ParentId is not null => $"/Profiles/{item.ParentId}/Needs",
        SearchKind.Constraint when item.ParentId is not null => $"/Profiles/{item.ParentId}/Constraints",
        _ => $"/Establishments/Details/{item.EstablishmentId ?? item.EntityId}",
    };
}
