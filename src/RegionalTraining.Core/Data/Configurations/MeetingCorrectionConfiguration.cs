using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.Corrections;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class MeetingCorrectionConfiguration : IEntityTypeConfiguration<MeetingCorrection>
{
    public void Configure(EntityTypeBuilder<MeetingCorrection> builder)
    {
        builder.HasIndex(c => new { c.MeetingId, c.AtUtc });
        builder.HasOne<Meeting>().WithMany(m => m.Corrections).HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Part).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.UserName).HasMaxLength(256);
        builder.Property(c => c.Reason).HasMaxLength(FieldLengths.Reason);
        builder.Property(c => c.Before).HasMaxLength(PublishedRecord.SummaryLength);
        builder.Property(c => c.After).HasMaxLength(PublishedRecord.SummaryLength);
    }
}
