namespace RegionalTraining.Web.ViewModels.Shared;

/// <summary>What the pager partial needs: the page numbers and the query to keep (filters) on every link.</summary>
public sealed record PagerModel(int Page, int PageCount, int TotalCount, string Action, IReadOnlyDictionary<string, string?> RouteValues)
{
    public Dictionary<string, string?> For(int page)
    {
        var values = new Dictionary<string, string?>(RouteValues) { ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return values;
    }
}
