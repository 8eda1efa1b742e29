using RegionalTraining.Web.Infrastructure;
using RegionalTraining.Web.Infrastructure.Logging;

var builder = WebApplication.CreateBuilder(args);
if (SyntheticDataCommand.IsRequested(args))
{
    SyntheticDataCommand.Configure(builder, args);
}

builder.AddRegionalTrainingLogging();
builder.AddRegionalTrainingWeb();

var app = builder.Build();

if (CreateAdminCommand.IsRequested(args))
{
    return await CreateAdminCommand.RunAsync(app, args);
}

if (SyntheticDataCommand.IsRequested(args))
{
    return await SyntheticDataCommand.RunAsync(app, args);
}

app.UseRegionalTraining();
await app.InitialiseDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the test projects.</summary>
public partial class Program;
