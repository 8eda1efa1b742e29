using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.NeedsAndConstraints;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class ConstraintConfiguration : IEntityTypeConfiguration<Constraint>
{
    public void Configure(EntityTypeBuilder<Constraint> builder)
    {
        builder.HasIndex(c => new { c.EstablishmentId, c.Status });
        builder.HasIndex(c => c.ProfileId);
        builder.Property(c => c.Category).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.Severity).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Description).HasMaxLength(FieldLengths.Text);
        builder.Property(c => c.EffectOnTraining).HasMaxLength(FieldLengths.Text);
        builder.Property(c => c.ProposedSolution).HasMaxLength(FieldLengths.Text);
        builder.HasOne(c => c.Establishment).WithMany().HasForeignKey(c => c.EstablishmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Profile).WithMany().HasForeignKey(c => c.ProfileId).OnDelete(DeleteBehavior.Restrict);
        FollowUpColumns.Configure(builder, "ConstraintSheets", "ConstraintId");
        ColumnDefaults.Audit(builder);
    }
}
