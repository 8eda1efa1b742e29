using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using RegionalTraining.Core.Data;
using RegionalTraining.Core.Data.Seeding;
using RegionalTraining.Web.Infrastructure.Input;
using RegionalTraining.Web.Infrastructure.Logging;
using RegionalTraining.Web.Infrastructure.Performance;
using RegionalTraining.Web.Infrastructure.Security;

namespace RegionalTraining.Web.Infrastructure;

public static class AppPipeline
{
    /// <summary>The benchmark's signed-in floor, mapped only when <c>Benchmark:SignedInFloor</c> is true.</summary>
    public const string SignedInFloorPath = "/bench/signed-in-floor";

    /// <summary>
    /// The request pipeline, in order. Static files are answered by the routing middleware (short-circuited), before
    /// logging and sign-in: they need neither.
    /// </summary>
    public static WebApplication UseRegionalTraining(this WebApplication app)
    {
        // Hashed at start rather than at the first sign-in for an unknown e-mail, which would then be slower than the rest.
        _ = app.Services.GetRequiredService<DummyPasswordHash>();
        if (app.Configuration.GetValue("ReverseProxy:Enabled", false))
        {
            // Behind a TLS-terminating proxy: the real scheme and client address come from its headers. First, so the
            // rate limiter and the logs see the client's address rather than the proxy's.
            app.UseForwardedHeaders();
        }

        // Before the error handlers, so error pages re-executed further in (404, 403, 500) keep the reader's language.
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/Error/500");
        }

        if (app.Environment.IsProduction())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseRegionalTrainingCompression();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        app.UseRouting();
        app.UseMiddleware<Performance.OneConnectionPerRequest>();
        app.UseAuthentication();
        app.UseRegionalTrainingRequestLogging();
        // After routing (policies are per endpoint) and request logging (refusals appear in the request log too).
        app.UseRateLimiter();
        app.UseAuthorization();
        // After sign-in (a signed-in request is never cached) and the rate limiter (a cached answer still counts).
        app.UseOutputCache();
        // After routing, which applies the action's own body limits ([RequestSizeLimit], [RequestFormLimits]).
        app.UseMiddleware<UnreadableBodyMiddleware>();

        // Fingerprinted URLs (`asp-append-version`) cached for a year, precompressed at build time.
        app.MapStaticAssets().ShortCircuit();
        app.MapHealthChecks("/health", new HealthCheckOptions()).AllowAnonymous();
        if (app.Configuration.GetValue("Benchmark:SignedInFloor", false))
        {
            // For tools/bench only, absent unless configured: what every signed-in page pays before MVC (the session
            // check in the database, the request log, the limiter, authorization) with nothing rendered, so that the
            // pages' ratios can be read against it (docs/decisions/0032-signed-in-floor.md).
            app.MapGet(SignedInFloorPath, () => Microsoft.AspNetCore.Http.Results.Text("signed in", "text/plain")).RequireAuthorization();
        }

        // On every controller, attribute-routed ones included, so that their views link the fingerprinted names.
        app.MapControllers().WithStaticAssets();
        app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");
        return app;
    }

    /// <summary>
    /// Migrates (where configured), seeds reference data and roles, and in Development creates the demo data and accounts.
    /// Demo accounts are never created in Production, whatever the configuration says.
    /// </summary>
    public static async Task InitialiseDatabaseAsync(this WebApplication app, bool allowDemoAccounts = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var seedsPath = app.Configuration["Seeding:Path"] ?? Path.Combine(AppContext.BaseDirectory, "seeds");
        await services.GetRequiredService<DatabaseInitializer>().InitialiseAsync(seedsPath);
        var accounts = services.GetRequiredService<DemoAccountSeeder>();
        await accounts.EnsureRolesAsync();
        // Development only (the seeder refuses anything else): a first start shows the product at work (decision 0019).
        if (allowDemoAccounts && app.Environment.IsDevelopment() && app.Configuration.GetValue("Seeding:DemoData", false))
        {
            await services.GetRequiredService<DemoDataSeeder>().SeedAsync();
        }

        var demoPassword = app.Configuration["Seeding:DemoPassword"];
        if (!allowDemoAccounts || app.Environment.IsProduction() || !app.Configuration.GetValue("Seeding:DemoAccounts", false) || string.IsNullOrEmpty(demoPassword))
        {
            return;
        }

        var created = await accounts.SeedDemoAccountsAsync(demoPassword);
        var logger = services.GetRequiredService<ILogger<DemoAccountSeeder>>();
        foreach (var account in DemoAccountSeeder.Accounts)
        {
            logger.LogInformation("Demo account {Email} ({Role}) {State}", account.Email, account.Role,
                created.Contains(account.Email) ? "created" : "available");
        }
    }
}
