namespace RegionalTraining.Core.Common;

/// <summary>One page of a longer list, with what a pager needs.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => TotalCount == 0 ? 1 : (int)Math.Ceiling(TotalCount / (double)PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    /// <summary>Clamps a requested page into range so a stale bookmark never shows an empty list.</summary>
    public static int ClampPage(int requested, int totalCount, int pageSize)
    {
        var pages = totalCount == 0 ? 1 : (int)Math.Ceiling(totalCount / (double)pageSize);
        return Math.Clamp(requested, 1, pages);
    }
}
