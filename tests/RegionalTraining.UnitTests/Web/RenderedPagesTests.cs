using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Notifications;
using RegionalTraining.Web.Infrastructure.Performance;
using RegionalTraining.Web.ViewModels.Shared;

namespace RegionalTraining.UnitTests.Web;

/// <summary>The rendered-page cache's own rules (docs/decisions/0038-rendered-signed-in-pages.md); the dashboard's are in RenderedDashboardTests.</summary>
public sealed class RenderedPagesTests : IDisposable
{
    // Already compact (docs/decisions/0040), so that what a test wrote is what a kept page serves.
    private const string Html = "<!DOCTYPE html><html lang=\"en\"><body><main>figures</main>";

    private readonly RenderedPages _pages = new(Options.Create(new AntiforgeryOptions()));

    public void Dispose() => _pages.Dispose();

    [Fact]
    public async Task Execute_TwiceWithTheSameKey_RendersOnceAndServesTheSameBytes()
    {
        var view = new CountingView(Html);

        var first = await ExecuteAsync(view);
        var second = await ExecuteAsync(view);

        Assert.Equal(1, view.Renders);
        Assert.Equal(Html, first.Body);
        Assert.Equal(Html, second.Body);
        Assert.Equal("text/html; charset=utf-8", second.ContentType);
        Assert.Equal(Encoding.UTF8.GetByteCount(Html), second.ContentLength);
        Assert.Equal(1, _pages.Count);
    }

    [Fact]
    public async Task Execute_PageWithIndentationAndOptionalEndTags_IsKeptAndServedCompact()
    {
        const string indented = "<main>\n    <table>\n        <tr>\n            <td>1</td>\n            <td>2</td>\n        </tr>\n    </table>\n</main>";
        var view = new CountingView(indented);

        var first = await ExecuteAsync(view);
        var second = await ExecuteAsync(view);

        Assert.Equal("<main> <table><tr><td>1<td>2</table> </main>", first.Body);
        Assert.Equal(first.Bytes, second.Bytes);
        Assert.Equal(first.Bytes.Length, second.ContentLength);
        Assert.Equal(1, view.Renders);
    }

    [Fact]
    public async Task Execute_WithAMessageWaitingForTheLayout_RendersEveryTimeAndKeepsNothing()
    {
        var view = new CountingView(Html);

        await ExecuteAsync(view, message: "Saved.");
        await ExecuteAsync(view, message: "Saved.");

        Assert.Equal(2, view.Renders);
        Assert.Equal(0, _pages.Count);
    }

    [Fact]
    public async Task Execute_PageCarryingAnAntiforgeryToken_IsRenderedEveryTime()
    {
        var view = new CountingView("<form method=\"post\"><input name=\"__RequestVerificationToken\" type=\"hidden\" value=\"t\" /></form>");

        await ExecuteAsync(view);
        var second = await ExecuteAsync(view);

        Assert.Equal(2, view.Renders);
        Assert.Equal(0, _pages.Count);
        Assert.Contains("__RequestVerificationToken", second.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_WhenTheViewAnswersOtherThan200_KeepsNothingAndPassesTheStatusOn()
    {
        var view = new CountingView(Html, StatusCodes.Status404NotFound);

        await ExecuteAsync(view);
        var second = await ExecuteAsync(view);

        Assert.Equal(2, view.Renders);
        Assert.Equal(StatusCodes.Status404NotFound, second.Status);
        Assert.Equal(0, _pages.Count);
    }

    [Fact]
    public async Task Execute_ForAPost_RendersAndKeepsNothing()
    {
        var view = new CountingView(Html);

        await ExecuteAsync(view, method: HttpMethods.Post);

        Assert.Equal(0, _pages.Count);
    }

    [Theory]
    [InlineData("user", "other-user")]
    [InlineData("name", "other@example.test")]
    [InlineData("unread", "3")]
    [InlineData("rights", "manage")]
    [InlineData("address", "?year=2019")]
    [InlineData("language", "ar-MA")]
    [InlineData("page", "stamp-2")]
    public async Task Execute_WhenAnythingTheLayoutOrPageShowsDiffers_RendersAgain(string what, string value)
    {
        var view = new CountingView(Html);
        await ExecuteAsync(view);

        await ExecuteAsync(view, what, value);

        Assert.Equal(2, view.Renders);
        Assert.Equal(2, _pages.Count);
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    public async Task Execute_ForABrowserAcceptingCompression_SendsTheKeptCompressedCopy(string accepted, string sent)
    {
        var view = new CountingView(Html);

        var first = await ExecuteAsync(view, acceptEncoding: accepted);
        var second = await ExecuteAsync(view, acceptEncoding: accepted);

        Assert.Equal(1, view.Renders);
        Assert.Equal(sent, second.ContentEncoding);
        Assert.Equal(first.Bytes, second.Bytes);
        Assert.Equal(second.Bytes.Length, second.ContentLength);
        Assert.Equal(Html, Decompress(sent, second.Bytes));
    }

    [Theory]
    [InlineData("/Dashboards", null)]
    [InlineData("/Dashboards", "identity")]
    [InlineData("/Account/Manage", "br")]
    public async Task Execute_WhereTheResponseCompressionWouldNotCompress_SendsThePage(string path, string? accepted)
    {
        var answer = await ExecuteAsync(new CountingView(Html), acceptEncoding: accepted, path: path);

        Assert.Null(answer.ContentEncoding);
        Assert.Equal(Html, answer.Body);
    }

    private static string Decompress(string encoding, byte[] bytes)
    {
        using var input = new MemoryStream(bytes);
        using Stream decompressed = encoding == "br"
            ? new System.IO.Compression.BrotliStream(input, System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(decompressed, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private async Task<Answer> ExecuteAsync(
        CountingView view, string? what = null, string? value = null, string? message = null, string method = "GET", string? acceptEncoding = null, string path = "/Dashboards")
    {
        var scope = new AccessScope(what == "user" ? value : "user", new HashSet<string> { what == "rights" ? Roles.Administrator : Roles.DirectorateStaff }, 1, new HashSet<int>());
        var scopes = new Mock<IAccessScopeProvider>();
        scopes.Setup(s => s.GetAsync(It.IsAny<CancellationToken>())).ReturnsAsync(scope);
        var notices = new Mock<INotificationService>();
        notices.Setup(n => n.UnreadCountAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(what == "unread" ? int.Parse(value!, CultureInfo.InvariantCulture) : 0);
        var tempData = new TempDataDictionary(new DefaultHttpContext(), Mock.Of<ITempDataProvider>());
        if (message is not null)
        {
            tempData["Status"] = message;
        }

        var tempDataFactory = new Mock<ITempDataDictionaryFactory>();
        tempDataFactory.Setup(f => f.GetTempData(It.IsAny<HttpContext>())).Returns(tempData);
        var services = new ServiceCollection()
            .AddSingleton(_pages)
            .AddSingleton(tempDataFactory.Object)
            .AddSingleton(notices.Object)
            .AddSingleton(scopes.Object)
            .AddSingleton(new SignedInRequest())
            .AddScoped<LayoutStates>()
            .AddLogging()
            .AddRegionalTrainingCompression()
            .BuildServiceProvider();

        var http = new DefaultHttpContext { RequestServices = services.CreateScope().ServiceProvider };
        http.Request.Method = method;
        http.Request.Path = path;
        if (acceptEncoding is not null)
        {
            http.Request.Headers.AcceptEncoding = acceptEncoding;
        }

        http.Request.QueryString = new QueryString(what == "address" ? value : string.Empty);
        http.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Name, what == "name" ? value! : "staff@example.test")], "test"));
        var body = new MemoryStream();
        http.Response.Body = body;

        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(what == "language" ? value! : "fr-MA");
            await new RenderedViewResult(what == "page" ? value! : "stamp-1", view).ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }

        return new Answer(http.Response.StatusCode, http.Response.ContentType, http.Response.ContentLength,
            http.Response.Headers.ContentEncoding.FirstOrDefault(), body.ToArray());
    }

    private sealed record Answer(int Status, string? ContentType, long? ContentLength, string? ContentEncoding, byte[] Bytes)
    {
        public string Body => Encoding.UTF8.GetString(Bytes);
    }

    /// <summary>Stands for a view: writes its HTML as the view executor would, and counts how often it was asked to.</summary>
    private sealed class CountingView(string html, int status = StatusCodes.Status200OK) : IActionResult
    {
        public int Renders { get; private set; }

        public async Task ExecuteResultAsync(ActionContext context)
        {
            Renders++;
            context.HttpContext.Response.StatusCode = status;
            context.HttpContext.Response.ContentType = "text/html; charset=utf-8";
            await context.HttpContext.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(html));
        }
    }
}
