using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.NeedsAndConstraints;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> builder)
    {
        builder.HasIndex(n => new { n.EstablishmentId, n.Status });
        builder.HasIndex(n => n.ProfileId);
        builder.Property(n => n.Category).HasConversion<string>().HasMaxLength(24);
        builder.Property(n => n.Priority).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Description).HasMaxLength(FieldLengths.Text);
        builder.Property(n => n.EstimatedCostMad).HasPrecision(14, 2);
        builder.HasOne(n => n.Establishment).WithMany().HasForeignKey(n => n.EstablishmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.Profile).WithMany().HasForeignKey(n => n.ProfileId).OnDelete(DeleteBehavior.Restrict);
        FollowUpColumns.Configure(builder, "NeedSheets", "NeedId");
        ColumnDefaults.Audit(builder);
    }
}
