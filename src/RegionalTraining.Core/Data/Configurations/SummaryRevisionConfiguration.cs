using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class SummaryRevisionConfiguration : IEntityTypeConfiguration<SummaryRevision>
{
    public void Configure(EntityTypeBuilder<SummaryRevision> builder)
    {
        builder.HasIndex(r => new { r.SummaryId, r.Number }).IsUnique();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.UserName).HasMaxLength(256);
        builder.Property(r => r.Reason).HasMaxLength(FieldLengths.Reason);
        builder.Property(r => r.BodyFr).HasMaxLength(FieldLengths.Minutes);
        builder.Property(r => r.BodyAr).HasMaxLength(FieldLengths.Minutes);
        builder.Property(r => r.PressStatementFr).HasMaxLength(FieldLengths.PressStatement);
        builder.Property(r => r.PressStatementAr).HasMaxLength(FieldLengths.PressStatement);
    }
}
