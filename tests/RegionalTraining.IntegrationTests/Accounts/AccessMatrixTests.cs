using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.IntegrationTests.Infrastructure;

namespace RegionalTraining.IntegrationTests.Accounts;

/// <summary>
/// Every controller action that takes an id, tried by every role against a resource inside and outside its
/// perimeter. Ids come from the database, as an attacker changing the URL would guess them.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class AccessMatrixTests(RegionalTrainingFactory factory)
{
    private const string Admin = "admin@demo.local";
    private const string RegionalDirector = "regional.director@demo.local";
    private const string Staff = "staff@demo.local";
    private const string MirleftDirector = "director.mirleft@demo.local";
    private const string DakhlaDirector = "director.dakhla@demo.local";

    public static TheoryData<string> MatrixRows
    {
        get
        {
            var rows = new TheoryData<string>();
            foreach (var row in AccessMatrix.Rows)
            {
                rows.Add(row.Key);
            }

            return rows;
        }
    }

    /// <summary>The matrix is only worth something if it is complete: a new action taking an id needs its row.</summary>
    [Fact]
    public void EveryActionTakingAnId_HasARowInTheMatrix()
    {
        var actions = factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>()
            .SelectMany(a => (a.ActionConstraints ?? new List<IActionConstraintMetadata>()).OfType<HttpMethodActionConstraint>()
                // HEAD runs the very action GET runs, with its checks (HeadLikeGet; HeadRequestTests): GET's row covers it.
                .SelectMany(c => c.HttpMethods).Where(method => method != HttpMethods.Head).DefaultIfEmpty("ANY")
                .Select(method => (Endpoint: $"{method} {a.ControllerName}/{a.ActionName}", TakesId: a.Parameters.Any(IsResourceId))))
            .ToList();
        var rows = AccessMatrix.Rows.Select(r => r.Endpoint).ToHashSet();

        var missing = actions.Where(a => a.TakesId).Select(a => a.Endpoint).Distinct().Where(e => !rows.Contains(e)).Order().ToList();
        var unknown = rows.Where(r => actions.All(a => a.Endpoint != r)).Order().ToList();

        Assert.True(missing.Count == 0, "No row in the access matrix for: " + string.Join(", ", missing));
        Assert.True(unknown.Count == 0, "Rows for actions that do not exist: " + string.Join(", ", unknown));
    }

    [Theory]
    [MemberData(nameof(MatrixRows))]
    public async Task ActionTakingAnId_ForEachCallerOnOwnAndForeignResource_AnswersAsTheMatrixSays(string key)
    {
        var row = AccessMatrix.Rows.Single(r => r.Key == key);
        var world = await MatrixWorld.ForAsync(factory);
        var failures = new List<string>();

        try
        {
            foreach (var (caller, side, expected) in row.Cells())
            {
                var ids = await (row.Prepare ?? ((w, s) => w.SharedAsync(s)))(world, side);
                var fields = row.Form is null ? null : await row.Form(world, ids);
                var before = world.DataVersion();
                var response = await world.SendAsync(caller, row, MatrixRow.Fill(row.Url, ids), fields);
                var actual = Answer(response) + (world.DataVersion() != before ? "+" : string.Empty);
                if (actual != expected)
                {
                    failures.Add($"{caller} on the {side.ToString().ToLowerInvariant()} resource: expected {expected}, got {actual}");
                }
            }
        }
        finally
        {
            await (row.After?.Invoke(world) ?? Task.CompletedTask);
        }

        Assert.True(failures.Count == 0, $"{row.Key}:\n" + string.Join("\n", failures));
    }

    private static bool IsResourceId(Microsoft.AspNetCore.Mvc.Abstractions.ParameterDescriptor parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        var simple = type == typeof(int) || type == typeof(long) || type == typeof(string) || type == typeof(Guid);
        return simple && (parameter.Name == "id" || parameter.Name.EndsWith("Id", StringComparison.Ordinal));
    }

    private static string Answer(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && (response.Headers.Location?.OriginalString ?? string.Empty).Contains("/Account/Login", StringComparison.Ordinal)
            ? "login"
            : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string, string, string, HttpStatusCode> EstablishmentGets => new()
    {
        // who, which establishment, action, expected
        { MirleftDirector, "ISTA-FEB-MIRLEFT", "Details", HttpStatusCode.OK },
        { MirleftDirector, "ISTA-FEB-MIRLEFT", "Edit", HttpStatusCode.OK },
        { MirleftDirector, "ISTA-DAKHLA", "Details", HttpStatusCode.Forbidden },
        { MirleftDirector, "ISTA-DAKHLA", "Edit", HttpStatusCode.Forbidden },
        { MirleftDirector, "ISTA-OTHER", "Edit", HttpStatusCode.Forbidden },
        { DakhlaDirector, "ISTA-FEB-MIRLEFT", "Edit", HttpStatusCode.Forbidden },
        { Staff, "ISTA-DAKHLA", "Edit", HttpStatusCode.OK },
        { Staff, "ISTA-OTHER", "Details", HttpStatusCode.Forbidden },
        { Staff, "ISTA-OTHER", "Edit", HttpStatusCode.Forbidden },
        { RegionalDirector, "ISTA-SIDI-IFNI", "Details", HttpStatusCode.OK },
        { RegionalDirector, "ISTA-OTHER", "Details", HttpStatusCode.Forbidden },
        { RegionalTrainingFactory.OtherStaffEmail, "ISTA-FEB-MIRLEFT", "Details", HttpStatusCode.Forbidden },
        { RegionalTrainingFactory.OtherStaffEmail, "ISTA-OTHER", "Edit", HttpStatusCode.OK },
        { Admin, "ISTA-OTHER", "Edit", HttpStatusCode.OK },
        { Admin, "ISTA-DAKHLA", "Details", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(EstablishmentGets))]
    public async Task EstablishmentPage_ByRoleAndPerimeter_IsAllowedOrForbidden(string email, string code, string action, HttpStatusCode expected)
    {
        await factory.EnsureOtherDirectorateAsync();
        var id = await factory.EstablishmentIdAsync(code);
        var client = await factory.SignedInClientAsync(email);

        var response = await client.GetAsync($"/Establishments/{action}/{id}");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task EstablishmentEditPost_ForAnotherEstablishment_IsForbiddenAndChangesNothing()
    {
        var dakhla = await factory.EstablishmentIdAsync("ISTA-DAKHLA");
        var mirleft = await factory.EstablishmentIdAsync("ISTA-FEB-MIRLEFT");
        var client = await factory.SignedInClientAsync(MirleftDirector);
        var phoneBefore = await factory.WithDbAsync(db => db.Establishments.Where(e => e.Id == dakhla).Select(e => e.Phone).SingleAsync());

        // The token comes from the director's own form: a forged post reuses it with the other establishment's id.
        var response = await client.PostFormAsync($"/Establishments/Edit/{mirleft}", $"/Establishments/Edit/{dakhla}", new Dictionary<string, string>
        {
            ["Phone"] = "+212 500 00 00 00",
            ["RowVersion"] = "",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(phoneBefore, await factory.WithDbAsync(db => db.Establishments.Where(e => e.Id == dakhla).Select(e => e.Phone).SingleAsync()));
    }

    [Fact]
    public async Task DirectorList_ShowsOnlyHisEstablishments()
    {
        var client = await factory.SignedInClientAsync(MirleftDirector);

        var html = await client.GetStringAsync("/Establishments");

        Assert.Contains("ISTA Fadma El Bouhali", html);
        Assert.DoesNotContain("ISTA Dakhla", html);
        Assert.Contains(">Results: 1<", html.Replace("\n", string.Empty));
    }

    [Fact]
    public async Task StaffList_ShowsOwnDirectorateOnly()
    {
        await factory.EnsureOtherDirectorateAsync();
        var client = await factory.SignedInClientAsync(Staff);

        var html = await client.GetStringAsync("/Establishments?q=ista");

        Assert.Contains("ISTA Dakhla", html);
        Assert.DoesNotContain("ISTA test", html);
    }

    public static TheoryData<string, string> AdministratorOnlyPages => new()
    {
        { RegionalDirector, "/Provinces/Edit/{province}" },
        { Staff, "/Provinces/Edit/{province}" },
        { MirleftDirector, "/Provinces/Edit/{province}" },
        { Staff, "/Programmes/Edit/{programme}" },
        { MirleftDirector, "/Programmes/Edit/{programme}" },
        { RegionalDirector, "/Users/Edit/{user}" },
        { MirleftDirector, "/Users/Edit/{user}" },
        { Staff, "/Users" },
        { MirleftDirector, "/Establishments/Create" },
        { Staff, "/Programmes/Create" },
    };

    [Theory]
    [MemberData(nameof(AdministratorOnlyPages))]
    public async Task AdministratorPage_ForOtherRoles_IsForbidden(string email, string template)
    {
        var url = await ResolveAsync(template);
        var client = await factory.SignedInClientAsync(email);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/Provinces/Edit/{province}")]
    [InlineData("/Programmes/Edit/{programme}")]
    [InlineData("/Users/Edit/{user}")]
    public async Task AdministratorPage_ForAdministrator_Opens(string template)
    {
        var client = await factory.SignedInClientAsync(Admin);

        var response = await client.GetAsync(await ResolveAsync(template));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task DisablePost_ByNonAdministrator_IsForbiddenAndAccountStaysEnabled()
    {
        var client = await factory.SignedInClientAsync(Staff);
        var mirleft = await factory.EstablishmentIdAsync("ISTA-FEB-MIRLEFT");
        var userId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DakhlaDirector).Select(u => u.Id).SingleAsync());

        var response = await client.PostFormAsync($"/Establishments/Edit/{mirleft}", $"/Users/SetDisabled/{userId}", new Dictionary<string, string> { ["disabled"] = "true" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.IsDisabled).SingleAsync()));
    }

    [Fact]
    public async Task EstablishmentPage_WithUnknownId_Returns404()
    {
        var client = await factory.SignedInClientAsync(Admin);

        var response = await client.GetAsync("/Establishments/Details/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<string> ResolveAsync(string template)
    {
        var province = await factory.WithDbAsync(db => db.Provinces.Select(p => p.Id).FirstAsync());
        var programme = await factory.WithDbAsync(db => db.Programmes.Select(p => p.Id).FirstAsync());
        var user = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DakhlaDirector).Select(u => u.Id).SingleAsync());
        return template.Replace("{province}", province.ToString()).Replace("{programme}", programme.ToString()).Replace("{user}", user);
    }
}
