using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Data.Versions;

namespace RegionalTraining.Web.Infrastructure.Performance;

/// <summary>
/// The public archive, a meeting's public page and print view and the two feeds, cached by ASP.NET Core's output cache
/// for anonymous requests only, keyed by the archive's version (this node's copy, at most a second old and dropped when
/// this node saves a change: a change saved on another node shows here within a second), and answered 304 when the reader already has the current
/// state. Why this design: docs/decisions/0011-public-page-caching.md.
/// </summary>
public static class PublicPageCaching
{
    public const string PolicyName = "public-archive";

    /// <summary>Every cached public page carries it; a change of the archive evicts them on the node that saved it.</summary>
    public const string Tag = "public-archive";

    /// <summary>
    /// Browsers keep the page but ask each time whether it changed (a cheap 304): a max-age would let a browser show an
    /// archive from before a publication. Shared caches may keep it too: nothing in it belongs to one reader.
    /// </summary>
    public const string CacheControl = "public, no-cache";

    /// <summary>The language is chosen by the culture cookie or Accept-Language (the query's culture too): a cache downstream must tell them apart.</summary>
    public const string Vary = "Accept-Language, Cookie";

    public static IServiceCollection AddRegionalTrainingOutputCache(this IServiceCollection services)
    {
        services.AddOutputCache(o =>
        {
            // A slug is matched exactly by the database: /archive/SLUG must not be answered with /archive/slug's page.
            o.UseCaseSensitivePaths = true;
            o.AddPolicy(PolicyName, new PublicArchiveCachePolicy());
        });
        services.AddSingleton<IDataChangeListener, OutputCacheEviction>();
        return services;
    }

    /// <summary>What identifies the representation a request gets: read once per request, by the cache policy.</summary>
    internal sealed record Validators(string Key, EntityTagHeaderValue ETag, DateTimeOffset LastModified)
    {
        private static readonly object ItemKey = new();

        public static async Task<Validators> ReadAsync(HttpContext context, CancellationToken cancellationToken)
        {
            var services = context.RequestServices;
            // From this node's memory (read from the database at most once a second, dropped when this node saves):
            // the read through a DbContext of its own was most of the cost of a cached page.
            var state = await services.GetRequiredService<DataVersionCache>().CurrentAsync(DataArea.PublicArchive, cancellationToken);
            var calendar = services.GetRequiredService<LocalCalendar>();
            // The calendar lists meetings still to come: what it holds also changes when the day does.
            var day = calendar.Today.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            var culture = CultureInfo.CurrentUICulture.Name;
            var changed = DateTime.SpecifyKind(state.ChangedAtUtc, DateTimeKind.Utc);
            var dayStarted = calendar.TodayStartedAtUtc;
            var lastModified = new DateTimeOffset(changed > dayStarted ? changed : dayStarted);
            var validators = new Validators($"{state.Stamp}.{day}", new EntityTagHeaderValue($"\"{state.Stamp}.{day}.{culture}\"", isWeak: true),
                // HTTP dates have whole seconds: compared with If-Modified-Since as sent back.
                new DateTimeOffset(lastModified.Ticks - (lastModified.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
            context.Items[ItemKey] = validators;
            return validators;
        }

        public static Validators? Of(HttpContext context) => context.Items.TryGetValue(ItemKey, out var value) ? value as Validators : null;

        /// <summary>RFC 9110 13.2.2: If-None-Match when present (weak comparison), else If-Modified-Since.</summary>
        public bool NotModified(HttpRequest request)
        {
            var headers = request.GetTypedHeaders();
            if (headers.IfNoneMatch is { Count: > 0 } tags)
            {
                return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ETag, useStrongComparison: false));
            }

            return headers.IfModifiedSince is { } since && LastModified <= since;
        }

        public static void RemoveFrom(HttpResponse response)
        {
            foreach (var header in new[] { HeaderNames.ETag, HeaderNames.LastModified, HeaderNames.CacheControl, HeaderNames.Vary })
            {
                response.Headers.Remove(header);
            }
        }

        public void WriteTo(HttpResponse response)
        {
            var headers = response.GetTypedHeaders();
            headers.ETag = ETag;
            headers.LastModified = LastModified;
            response.Headers.CacheControl = CacheControl;
            response.Headers.Vary = Vary;
        }
    }

    /// <summary>
    /// Anonymous GETs only. A signed-in request is neither looked up nor stored (its pages stay no-store), nor one that
    /// carries a flash message to show (TempData), nor an answer that sets a cookie or is not a 200.
    /// </summary>
    private sealed class PublicArchiveCachePolicy : IOutputCachePolicy
    {
        public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            if (!(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                || http.User.Identity?.IsAuthenticated == true
                || http.Request.Headers.Authorization.Count > 0
                || http.Request.Cookies.ContainsKey(http.RequestServices.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie.Name!))
            {
                context.EnableOutputCaching = false;
                return;
            }

            var validators = await Validators.ReadAsync(http, cancellation);
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = true;
            context.AllowCacheStorage = true;
            context.AllowLocking = true;
            // Entries of an older version are never asked for again; this only bounds how long they take memory.
            context.ResponseExpirationTimeSpan = TimeSpan.FromHours(1);
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["archive"] = validators.Key;
            context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
            context.Tags.Add(Tag);
            // Written now, before the page is drawn: the cache copies the headers when the body starts, so a replay
            // carries them and the cache itself can answer If-None-Match and If-Modified-Since with a 304. Taken back
            // from anything but a 200 (a 404's address may yet come to exist, an error page is no representation).
            validators.WriteTo(http.Response);
            http.Response.OnStarting(() =>
            {
                if (http.Response.StatusCode is not (StatusCodes.Status200OK or StatusCodes.Status304NotModified))
                {
                    Validators.RemoveFrom(http.Response);
                }

                return Task.CompletedTask;
            });
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            context.AllowCacheStorage &= response.StatusCode == StatusCodes.Status200OK
                && response.Headers.SetCookie.Count == 0
                && !response.Headers.CacheControl.Any(v => v is not null && (v.Contains("no-store", StringComparison.OrdinalIgnoreCase) || v.Contains("private", StringComparison.OrdinalIgnoreCase)));
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Frees the cached pages on the node that saved a change; the others stop matching them through the version.</summary>
    private sealed class OutputCacheEviction(IOutputCacheStore store) : IDataChangeListener
    {
        public Task DataChangedAsync(DataArea area, CancellationToken cancellationToken) =>
            area == DataArea.PublicArchive ? store.EvictByTagAsync(Tag, cancellationToken).AsTask() : Task.CompletedTask;
    }
}

/// <summary>
/// Answers 304 before the action runs when the reader already holds the current representation and it was not in
/// this node's cache (just started, another node served it, evicted): the version read is all it costs.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RevalidatePublicPageAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var http = context.HttpContext;
        if (PublicPageCaching.Validators.Of(http) is { } validators && validators.NotModified(http.Request))
        {
            validators.WriteTo(http.Response);
            context.Result = new StatusCodeResult(StatusCodes.Status304NotModified);
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
