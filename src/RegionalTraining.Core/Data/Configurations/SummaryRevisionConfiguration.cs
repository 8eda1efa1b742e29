using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Meetings;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class SummaryRevisionConfiguration : IEntityTypeConfiguration<SummaryRevision>
{
    public void Configure(EntityTypeBuilder<SummaryRevision> builder)
    {
        builder.HasIndex(r => new { r.SummaryId, r.Number }).IsUnique();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.UserName).HasMaxLength(256);
        builder.Property(r => r.Reason).HasMaxLength(1000);
    }
}
