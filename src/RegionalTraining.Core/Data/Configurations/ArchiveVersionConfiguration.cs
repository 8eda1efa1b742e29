using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Meetings.Archive;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class ArchiveVersionConfiguration : IEntityTypeConfiguration<ArchiveVersion>
{
    public void Configure(EntityTypeBuilder<ArchiveVersion> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Stamp).HasMaxLength(32);
        // The one row exists from the first migration on: the interceptor only ever updates it.
        builder.HasData(new ArchiveVersion { Id = ArchiveVersion.SingletonId, Stamp = "initial", ChangedAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
    }
}
