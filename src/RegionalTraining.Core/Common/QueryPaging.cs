using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace RegionalTraining.Core.Common;

public static class QueryPaging
{
    /// <summary>Narrows the query only when the filter was given.</summary>
    public static IQueryable<T> WhereIf<T>(this IQueryable<T> query, bool given, Expression<Func<T, bool>> predicate) =>
        given ? query.Where(predicate) : query;

    /// <summary>
    /// One page of a filtered query, counted and read by the database: the size is kept within 1..<paramref name="maxPageSize"/>
    /// and the page within range, so a stale bookmark never shows an empty list.
    /// </summary>
    public static async Task<PagedResult<TResult>> ToPageAsync<TSource, TResult>(
        this IQueryable<TSource> query, IOrderedQueryable<TSource> ordered, Expression<Func<TSource, TResult>> select,
        int page, int pageSize, int maxPageSize, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(pageSize, 1, maxPageSize);
        var total = await query.CountAsync(cancellationToken);
        var current = PagedResult<TResult>.ClampPage(page, total, size);
        var items = await ordered.Skip((current - 1) * size).Take(size).Select(select).ToListAsync(cancellationToken);
        return new PagedResult<TResult>(items, current, size, total);
    }
}
