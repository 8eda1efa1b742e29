namespace RegionalTraining.Web.Infrastructure.Demo;

/// <summary>
/// Whether pages say that the data is a demonstration: exactly when the demo data is seeded (Development with
/// `Seeding:DemoData`), so nobody takes the illustrative figures for the directorate's own (decision 0019).
/// </summary>
public static class DemoDataBanner
{
    public static bool IsShown(IWebHostEnvironment environment, IConfiguration configuration) =>
        environment.IsDevelopment() && configuration.GetValue("Seeding:DemoData", false);
}
