using System.Net;
using System.Text.RegularExpressions;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Shell;

/// <summary>What travels: compressed pages, static files cached for a year under fingerprinted names, private pages never stored.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class TransferTests(RegionalTrainingFactory factory)
{
    [GeneratedRegex("href=\"(/css/site\\.[^\"]+\\.css)\"")]
    private static partial Regex SiteCss();

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Page_WhenTheBrowserAcceptsCompression_IsCompressed(string encoding)
    {
        var client = factory.NewClient();
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd(encoding);

        var response = await client.GetAsync("/archive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task AccountPage_EvenWhenTheBrowserAcceptsCompression_IsNotCompressed()
    {
        var client = factory.NewClient();
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");

        var response = await client.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task StaticFile_LinkedFromAPage_HasAFingerprintedNameAndIsCachedForAYear()
    {
        var client = factory.NewClient();
        var html = await client.GetStringAsync("/");
        var href = SiteCss().Match(html);
        Assert.True(href.Success, "The stylesheet link carries no fingerprinted name");

        var response = await client.GetAsync(href.Groups[1].Value);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Profiles")]
    [InlineData("/Dashboards/Export?table=provinces&format=csv")]
    public async Task PrivateAnswer_ToASignedInUser_IsNeverStored(string url)
    {
        var client = await factory.SignedInClientAsync("regional.director@demo.local");

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
    }
}
