using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Data.Versions;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> builder)
    {
        builder.ToTable("DataVersions");
        builder.HasKey(v => v.Area);
        // Stored by name: an operator renewing a stamp by hand writes WHERE Area = 'Figures'.
        builder.Property(v => v.Area).HasConversion<string>().HasMaxLength(32).ValueGeneratedNever();
        builder.Property(v => v.Stamp).HasMaxLength(32);
        // Every area's row exists from the migration on: the interceptor only ever updates it.
        builder.HasData(Enum.GetValues<DataArea>().Select(a => new DataVersion { Area = a, Stamp = DataVersions.Initial, ChangedAtUtc = DataVersions.InitialChangedAtUtc }));
    }
}
