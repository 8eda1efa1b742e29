using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class CollectionCampaignConfiguration : IEntityTypeConfiguration<CollectionCampaign>
{
    public void Configure(EntityTypeBuilder<CollectionCampaign> builder)
    {
        builder.HasIndex(c => new { c.DirectorateId, c.TrainingYearId }).IsUnique();
        builder.HasOne(c => c.Directorate).WithMany().HasForeignKey(c => c.DirectorateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.TrainingYear).WithMany().HasForeignKey(c => c.TrainingYearId).OnDelete(DeleteBehavior.Restrict);
        ColumnDefaults.Audit(builder);
    }
}
