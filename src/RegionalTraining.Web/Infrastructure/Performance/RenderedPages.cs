using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using RegionalTraining.Web.ViewModels.Shared;

namespace RegionalTraining.Web.Infrastructure.Performance;

/// <summary>
/// Signed-in pages as they were rendered, kept in this node's memory per page key, language, person and address
/// (docs/decisions/0038-rendered-signed-in-pages.md), compacted once on the way in (<see cref="CompactPages"/>,
/// decision 0040). A controller authorizes and reads its key from the database on every request (for the dashboard:
/// the access check, then the figures stamp), so only the rendering is saved.
/// </summary>
public sealed class RenderedPages(IOptions<AntiforgeryOptions> antiforgery) : IDisposable
{
    /// <summary>At most this many bytes of pages per node; the least recently used go first.</summary>
    public const long SizeLimit = 64L * 1024 * 1024;

    /// <summary>Entries of an older key are never read again; they only wait to expire.</summary>
    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _pages = new(new MemoryCacheOptions { SizeLimit = SizeLimit });

    private readonly byte[] _tokenField = System.Text.Encoding.UTF8.GetBytes($"name=\"{antiforgery.Value.FormFieldName}\"");

    /// <summary>Pages held now (tests and operations).</summary>
    public int Count => _pages.Count;

    /// <summary>
    /// The key of a page: what the page depends on (<paramref name="pageKey"/>), the language, what the layout shows
    /// of the person (<see cref="LayoutState.Key"/>) and the address, which the layout's language links lead back to.
    /// </summary>
    public static string Key(string pageKey, LayoutState layout, HttpRequest request) =>
        string.Join('\n', pageKey, CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name, layout.Key,
            request.PathBase.Value + request.Path.Value + request.QueryString.Value);

    internal RenderedPage? Find(string key) => _pages.TryGetValue(key, out RenderedPage? page) ? page : null;

    /// <summary>
    /// Keeps a page unless it carries an antiforgery token: a token is issued per response (decision 0002 relies on
    /// it to compress pages), so a page with a form that needs one is rendered every time.
    /// </summary>
    internal bool TryKeep(string key, RenderedPage page)
    {
        if (page.Body.AsSpan().IndexOf(_tokenField) >= 0)
        {
            return false;
        }

        using var entry = _pages.CreateEntry(key);
        entry.Size = page.Body.Length + (key.Length * sizeof(char));
        entry.SlidingExpiration = Unused;
        entry.Value = page;
        return true;
    }

    public void Dispose() => _pages.Dispose();
}

/// <summary>A page's bytes as kept (UTF-8, compacted when it is a 200 HTML page), with their content type, and its compressed copies.</summary>
internal sealed record RenderedPage(string? ContentType, byte[] Body)
{
    private readonly ConcurrentDictionary<string, byte[]> _encoded = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The body compressed by <paramref name="provider"/>, once per encoding: with the response compression's own
    /// provider and level, what the middleware would have sent, without compressing the same page again on every view.
    /// </summary>
    public byte[] Encoded(ICompressionProvider provider) => _encoded.GetOrAdd(provider.EncodingName, static (_, state) =>
    {
        using var output = new MemoryStream();
        using (var compressed = state.Provider.CreateStream(output))
        {
            compressed.Write(state.Body);
        }

        return output.ToArray();
    }, (Provider: provider, Body));
}

/// <summary>
/// A view served from <see cref="RenderedPages"/> when the same key was rendered before, else rendered, kept and
/// served. Only for a GET page whose HTML is a function of its key, the language, the layout's state and the address.
/// </summary>
public sealed class RenderedViewResult(string pageKey, IActionResult view) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        // A message set before a redirect is shown once, by the layout: that page is rendered, neither kept nor reused.
        if (!(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            || services.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http).Count > 0)
        {
            await view.ExecuteResultAsync(context);
            return;
        }

        var pages = services.GetRequiredService<RenderedPages>();
        var key = RenderedPages.Key(pageKey, await services.GetRequiredService<LayoutStates>().GetAsync(http), http.Request);
        var page = pages.Find(key) ?? await RenderAsync(context, pages, key);
        var response = http.Response;
        response.ContentType = page.ContentType;
        var body = page.Body;
        // Where the response compression would compress this answer (same path rule, same negotiation), the page's
        // compressed copy is sent as it is; the middleware leaves a body that already has a Content-Encoding alone.
        if (ResponseCompressionSetup.MayCompress(http.Request.Path) && services.GetService<IResponseCompressionProvider>() is { } compression
            && compression.CheckRequestAcceptsCompression(http) && compression.ShouldCompressResponse(http)
            && compression.GetCompressionProvider(http) is { } provider)
        {
            body = page.Encoded(provider);
            response.Headers.ContentEncoding = provider.EncodingName;
            response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        }

        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, http.RequestAborted);
    }

    private async Task<RenderedPage> RenderAsync(ActionContext context, RenderedPages pages, string key)
    {
        var response = context.HttpContext.Response;
        var body = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await view.ExecuteResultAsync(context);
        }
        finally
        {
            response.Body = body;
        }

        if (response.StatusCode != StatusCodes.Status200OK)
        {
            return new RenderedPage(response.ContentType, buffer.ToArray());
        }

        var page = new RenderedPage(response.ContentType, CompactPages.Compact(buffer.ToArray(), response.ContentType, context.HttpContext.RequestServices));
        pages.TryKeep(key, page);
        return page;
    }
}

public static class RenderedViewResults
{
    /// <summary>The view of <paramref name="model"/>, rendered once per <paramref name="pageKey"/> and <see cref="RenderedPages.Key"/>'s other parts.</summary>
    public static RenderedViewResult RenderedView(this Controller controller, string pageKey, object model) =>
        new(pageKey, controller.View(model));
}
