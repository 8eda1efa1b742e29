using Microsoft.Extensions.Configuration;
using RegionalTraining.Web.Infrastructure.Security;

namespace RegionalTraining.UnitTests.Web;

public sealed class TwoFactorSetupTests
{
    private static IConfiguration Build(params Dictionary<string, string?>[] layers)
    {
        var builder = new ConfigurationBuilder();
        foreach (var layer in layers)
        {
            builder.AddInMemoryCollection(layer);
        }

        return builder.Build();
    }

    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Security:TwoFactor:RequiredRoles:0"] = "Administrator",
        ["Security:TwoFactor:RequiredRoles:1"] = "RegionalDirector",
    };

    [Fact]
    public void RequiredRoles_FromAnArray_AreThoseRoles()
    {
        Assert.Equal(["Administrator", "RegionalDirector"], TwoFactorSetup.RequiredRoles(Build(Defaults)).Order());
    }

    [Fact]
    public void RequiredRoles_SetEmptyInALaterLayer_AreNone()
    {
        Assert.Empty(TwoFactorSetup.RequiredRoles(Build(Defaults, new() { ["Security:TwoFactor:RequiredRoles"] = "" })));
    }

    [Fact]
    public void RequiredRoles_AsACommaSeparatedValueInALaterLayer_ReplaceTheArray()
    {
        Assert.Equal(["RegionalDirector"], TwoFactorSetup.RequiredRoles(Build(Defaults, new() { ["Security:TwoFactor:RequiredRoles"] = " RegionalDirector " })));
    }

    [Fact]
    public void RequiredRoles_WithAnUnknownRole_StopTheStart()
    {
        Assert.Throws<InvalidOperationException>(() => TwoFactorSetup.RequiredRoles(Build(new Dictionary<string, string?> { ["Security:TwoFactor:RequiredRoles:0"] = "Admin" })));
    }

    [Fact]
    public void ShippedSettings_RequireItForAdministratorsAndRegionalDirectorsButNotInDevelopment()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "RegionalTraining.Web");
        var production = new ConfigurationBuilder().AddJsonFile(Path.Combine(web, "appsettings.json")).Build();
        var development = new ConfigurationBuilder().AddJsonFile(Path.Combine(web, "appsettings.json"))
            .AddJsonFile(Path.Combine(web, "appsettings.Development.json")).Build();

        Assert.Equal(["Administrator", "RegionalDirector"], TwoFactorSetup.RequiredRoles(production).Order());
        Assert.Empty(TwoFactorSetup.RequiredRoles(development));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RegionalTraining.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found");
    }
}
