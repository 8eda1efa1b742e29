using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.NeedsAndConstraints;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class FollowUpEntryConfiguration : IEntityTypeConfiguration<FollowUpEntry>
{
    public void Configure(EntityTypeBuilder<FollowUpEntry> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("CK_FollowUpEntries_OneItem",
            "(NeedId IS NOT NULL AND ConstraintId IS NULL) OR (NeedId IS NULL AND ConstraintId IS NOT NULL)"));
        builder.HasIndex(e => e.NeedId);
        builder.HasIndex(e => e.ConstraintId);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.UserName).HasMaxLength(FieldLengths.PersonName);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Text).HasMaxLength(FieldLengths.Text);
        builder.Property(e => e.Facts).HasMaxLength(FollowUpFacts.MaximumLength);
        builder.Property(e => e.EvidenceStoredName).HasMaxLength(64);
        builder.Property(e => e.EvidenceName).HasMaxLength(Meetings.AttachmentRules.NameMaxLength);
        builder.Property(e => e.EvidenceContentType).HasMaxLength(100);
        builder.HasOne(e => e.Need).WithMany().HasForeignKey(e => e.NeedId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Constraint).WithMany().HasForeignKey(e => e.ConstraintId).OnDelete(DeleteBehavior.Cascade);
    }
}
