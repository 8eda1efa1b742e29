using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class MeetingSummaryConfiguration : IEntityTypeConfiguration<MeetingSummary>
{
    public void Configure(EntityTypeBuilder<MeetingSummary> builder)
    {
        builder.HasIndex(s => s.MeetingId).IsUnique();
        builder.HasIndex(s => new { s.Status, s.PublishedAtUtc });
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.ApprovedBy).HasMaxLength(450);
        builder.Property(s => s.BodyFr).HasMaxLength(FieldLengths.Minutes);
        builder.Property(s => s.BodyAr).HasMaxLength(FieldLengths.Minutes);
        builder.Property(s => s.PressStatementFr).HasMaxLength(FieldLengths.PressStatement);
        builder.Property(s => s.PressStatementAr).HasMaxLength(FieldLengths.PressStatement);
        builder.HasMany(s => s.Revisions).WithOne().HasForeignKey(r => r.SummaryId).OnDelete(DeleteBehavior.Cascade);
        ColumnDefaults.Audit(builder);
    }
}
