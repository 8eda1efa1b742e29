using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Notifications;
using RegionalTraining.Core.Profiles;
using RegionalTraining.Core.Data.Seeding;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Core.Data;

public static class CoreServiceCollectionExtensions
{
    public const string SqliteMigrationsAssembly = "RegionalTraining.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "RegionalTraining.Migrations.SqlServer";

    /// <summary>
    /// Registers the database on the configured provider, the audit interceptor and the domain services.
    /// <paramref name="contentRoot"/> anchors the default SQLite file under App_Data.
    /// </summary>
    public static IServiceCollection AddRegionalTrainingCore(
        this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        options.ConnectionString = ResolveConnectionString(options, contentRoot);
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        // Singletons, their per-save state kept per context: the options below are then built once, not per request
        // (docs/decisions/0029). The audit's ICurrentUser must be one too (the web's reads the request's user).
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<Versions.DataVersionInterceptor>();
        services.AddSingleton<Versions.DataVersionCache>();
        services.AddSingleton<Versions.IDataChangeListener>(sp => sp.GetRequiredService<Versions.DataVersionCache>());
        services.AddSingleton<Search.SearchIndexInterceptor>();
        services.AddSingleton<Sqlite.PreparedSessionCheck>();
        services.AddSingleton<Sqlite.KeptOpenConnections>();

        // Pooled (docs/decisions/0031): a request rents a context whose EF Core services are already built instead of
        // building them, about a fifth of a signed-in page's CPU before. Renting resets the change tracker; the
        // interceptors start every save from fresh state. On SQLite a pooled context keeps its connection open, so that
        // the session check stays prepared (docs/decisions/0036).
        services.AddDbContextPool<AppDbContext>((sp, db) =>
        {
            switch (options.Provider)
            {
                case DatabaseProvider.SqlServer:
                    db.UseSqlServer(options.ConnectionString, sql => sql.MigrationsAssembly(SqlServerMigrationsAssembly));
                    break;
                default:
                    db.UseSqlite(options.ConnectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
                    Sqlite.KeptOpenSqliteConnection.Use(db);
                    db.AddInterceptors(sp.GetRequiredService<Sqlite.PreparedSessionCheck>());
                    break;
            }

            db.AddInterceptors(
                sp.GetRequiredService<AuditInterceptor>(),
                sp.GetRequiredService<Versions.DataVersionInterceptor>(),
                sp.GetRequiredService<Search.SearchIndexInterceptor>());
        });

        services.AddScoped<SignedInRequest>();
        services.AddScoped<IAccessScopeProvider, AccessScopeProvider>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, CapabilityAuthorizationHandler>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, EstablishmentAuthorizationHandler>();
        services.AddSingleton(configuration.GetSection(UserSessionOptions.Section).Get<UserSessionOptions>() ?? new UserSessionOptions());
        services.AddScoped<IUserSessions, UserSessions>();
        services.AddScoped<IEstablishmentDirectory, EstablishmentDirectory>();
        services.AddScoped<IReferenceDataService, ReferenceDataService>();
        services.AddScoped<IAccountService, AccountService>();
        services.AddSingleton(sp => new LocalCalendar(sp.GetRequiredService<TimeProvider>(), LocalCalendar.Morocco()));
        services.AddSingleton(configuration.GetSection(ProfileRulesOptions.Section).Get<ProfileRulesOptions>() ?? new ProfileRulesOptions());
        services.AddScoped<IProfileService, ProfileService>();
        services.AddScoped<ICampaignService, CampaignService>();
        services.AddScoped<INeedsAndConstraintsService, NeedsAndConstraintsService>();
        services.AddScoped<IFollowUpService, FollowUpService>();
        services.AddScoped<Cooperation.ICooperationService, Cooperation.CooperationService>();
        services.AddScoped<IRegisterOverviewService, RegisterOverviewService>();
        services.AddScoped<IRegisterPageService, RegisterPageService>();
        services.AddMemoryCache();
        services.AddScoped<PendingImports>();
        services.AddScoped<Profiles.SheetImport.ISheetImportService, Profiles.SheetImport.SheetImportService>();
        services.AddScoped<Organisation.ReferenceImport.IReferenceImportService, Organisation.ReferenceImport.ReferenceImportService>();
        services.AddScoped<INotificationService, NotificationService>();
        services.AddScoped<INoticePreferenceService, NoticePreferenceService>();
        services.AddSingleton(configuration.GetSection(Notifications.Digests.DigestOptions.Section).Get<Notifications.Digests.DigestOptions>() ?? new Notifications.Digests.DigestOptions());
        services.AddScoped<Jobs.JobLeases>();
        services.AddScoped<Notifications.Digests.DailyDigest>();
        services.AddScoped<Notifications.Digests.WeeklyRegisterDigest>();
        services.AddScoped<Notifications.Digests.DigestJobs>();
        services.AddScoped<MeetingAccess>();
        services.AddScoped<Meetings.Planning.IMeetingPlanningService, Meetings.Planning.MeetingPlanningService>();
        services.AddScoped<Meetings.FollowThrough.IMeetingFollowThrough, Meetings.FollowThrough.MeetingFollowThroughService>();
        services.AddScoped<Meetings.Attendance.IAttendanceService, Meetings.Attendance.AttendanceService>();
        services.AddScoped<Meetings.Decisions.IDecisionService, Meetings.Decisions.DecisionService>();
        services.AddScoped<Meetings.Minutes.IMinutesService, Meetings.Minutes.MinutesService>();
        services.AddScoped<Meetings.Archive.IMeetingArchiveService, Meetings.Archive.MeetingArchiveService>();
        services.AddScoped<Meetings.Attachments.IMeetingAttachmentService, Meetings.Attachments.MeetingAttachmentService>();
        services.AddScoped<Dashboards.DashboardService>();
        services.AddScoped<Dashboards.IDashboardService, Dashboards.CachedDashboardService>();
        services.AddHybridCache();
        var attachments = configuration["Attachments:Folder"];
        services.AddSingleton<IAttachmentStore>(new FileSystemAttachmentStore(
            string.IsNullOrWhiteSpace(attachments) ? Path.Combine(contentRoot, "App_Data", "attachments")
            : Path.IsPathRooted(attachments) ? attachments : Path.Combine(contentRoot, attachments)));
        services.AddScoped<Search.ISearchIndex>(sp => Search.SearchIndex.For(sp.GetRequiredService<AppDbContext>()));
        services.AddScoped<Search.SearchIndexWriter>();
        services.AddScoped<Search.IGazetteer, Search.Gazetteer>();
        services.AddScoped<Search.GazetteerSeeder>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<MeetingSeeder>();
        services.AddScoped<SyntheticDataGenerator>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<DemoAccountSeeder>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    private static string ResolveConnectionString(DatabaseOptions options, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        if (options.Provider == DatabaseProvider.SqlServer)
        {
            throw new InvalidOperationException(
                "Database:ConnectionString is required when Database:Provider is SqlServer (see docs/operations.md).");
        }

        var folder = Path.Combine(contentRoot, "App_Data");
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "regionaltraining.db") }.ToString();
    }
}
