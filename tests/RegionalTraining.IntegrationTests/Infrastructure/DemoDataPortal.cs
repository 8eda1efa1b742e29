using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace RegionalTraining.IntegrationTests.Infrastructure;

/// <summary>
/// The portal as the README's run command starts it: Development with the demo data, on a fixed day (2 December
/// 2026, Morocco) so two portals see the same "today" and the same current training year.
/// </summary>
public sealed class DemoDataPortal : RegionalTrainingFactory
{
    public static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Seeding:DemoData", "true");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
    }
}

[CollectionDefinition(Name)]
public sealed class DemoDataCollection : ICollectionFixture<DemoDataPortal>
{
    public const string Name = "DemoData";
}
