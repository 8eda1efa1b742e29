using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RegionalTraining.Core.Accounts;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Notifications;
using RegionalTraining.Core.Organisation;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Core.Data;

/// <summary>
/// The one database of the portal: Identity, Data Protection keys (shared by every web node) and the domain.
/// </summary>
public class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Directorate> Directorates => Set<Directorate>();

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Province> Provinces => Set<Province>();

    public DbSet<Complex> Complexes => Set<Complex>();

    public DbSet<Establishment> Establishments => Set<Establishment>();

    public DbSet<Sector> Sectors => Set<Sector>();

    public DbSet<Programme> Programmes => Set<Programme>();

    public DbSet<TrainingYear> TrainingYears => Set<TrainingYear>();

    public DbSet<UserEstablishment> UserEstablishments => Set<UserEstablishment>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<CollectionCampaign> Campaigns => Set<CollectionCampaign>();

    public DbSet<EstablishmentProfile> Profiles => Set<EstablishmentProfile>();

    public DbSet<ProfileProgramme> ProfileProgrammes => Set<ProfileProgramme>();

    public DbSet<ProfileEquipment> ProfileEquipment => Set<ProfileEquipment>();

    public DbSet<ProfileSectionState> ProfileSections => Set<ProfileSectionState>();

    public DbSet<ProfileEvent> ProfileEvents => Set<ProfileEvent>();

    public DbSet<Need> Needs => Set<Need>();

    public DbSet<Constraint> Constraints => Set<Constraint>();

    public DbSet<FollowUpEntry> FollowUpEntries => Set<FollowUpEntry>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<MeetingInvitation> MeetingInvitations => Set<MeetingInvitation>();

    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();

    public DbSet<Intervention> Interventions => Set<Intervention>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<DecisionNote> DecisionNotes => Set<DecisionNote>();

    public DbSet<MeetingSummary> MeetingSummaries => Set<MeetingSummary>();

    public DbSet<SummaryRevision> SummaryRevisions => Set<SummaryRevision>();

    public DbSet<MeetingAttachment> MeetingAttachments => Set<MeetingAttachment>();

    public DbSet<Meetings.Corrections.MeetingCorrection> MeetingCorrections => Set<Meetings.Corrections.MeetingCorrection>();

    public DbSet<Meetings.FollowThrough.MeetingResolvedItem> MeetingResolvedItems => Set<Meetings.FollowThrough.MeetingResolvedItem>();

    public DbSet<Versions.DataVersion> DataVersions => Set<Versions.DataVersion>();

    public DbSet<Search.SearchEntry> SearchEntries => Set<Search.SearchEntry>();

    public DbSet<Search.SearchGram> SearchGrams => Set<Search.SearchGram>();

    public DbSet<Search.GazetteerTown> GazetteerTowns => Set<Search.GazetteerTown>();

    public DbSet<NoticePreference> NoticePreferences => Set<NoticePreference>();

    public DbSet<Jobs.JobLease> JobLeases => Set<Jobs.JobLease>();

    public DbSet<Cooperation.Partner> Partners => Set<Cooperation.Partner>();

    public DbSet<Cooperation.PartnerContact> PartnerContacts => Set<Cooperation.PartnerContact>();

    public DbSet<Cooperation.Offer> Offers => Set<Cooperation.Offer>();

    public DbSet<Cooperation.OfferLink> OfferLinks => Set<Cooperation.OfferLink>();

    public bool IsSqlServer => Database.ProviderName == "Microsoft.EntityFrameworkCore.SqlServer";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        ConfigureConcurrencyTokens(builder);
    }

    /// <summary>
    /// SQL Server maintains a rowversion itself. SQLite has none, so there the column is a plain concurrency
    /// token that <see cref="AuditInterceptor"/> renews on every save.
    /// </summary>
    private void ConfigureConcurrencyTokens(ModelBuilder builder)
    {
        foreach (var entityType in builder.Model.GetEntityTypes()
                     .Where(t => typeof(EditableEntity).IsAssignableFrom(t.ClrType)))
        {
            var property = builder.Entity(entityType.ClrType).Property<byte[]>(nameof(EditableEntity.RowVersion));
            if (IsSqlServer)
            {
                property.IsRowVersion();
            }
            else
            {
                property.IsConcurrencyToken().ValueGeneratedNever();
            }
        }

        // A profile row holds the fields of several sections, each guarded by its own token
        // (ProfileSectionState.Version, renewed by every save of the section and by every change of status). A
        // token on the row itself would make a save of one section refuse a concurrent save of another.
        var profileVersion = builder.Entity<EstablishmentProfile>().Property(p => p.RowVersion).IsConcurrencyToken(false);
        if (IsSqlServer)
        {
            // Still maintained by SQL Server (a rowversion cannot be altered into another type), only not checked.
            profileVersion.HasColumnType("rowversion");
        }
    }
}
