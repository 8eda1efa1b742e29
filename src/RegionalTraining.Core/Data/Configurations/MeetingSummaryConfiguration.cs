using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
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
        builder.HasMany(s => s.Revisions).WithOne().HasForeignKey(r => r.SummaryId).OnDelete(DeleteBehavior.Cascade);
        ColumnDefaults.Audit(builder);
    }
}
