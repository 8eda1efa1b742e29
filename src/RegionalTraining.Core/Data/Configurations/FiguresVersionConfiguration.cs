using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Dashboards;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class FiguresVersionConfiguration : IEntityTypeConfiguration<FiguresVersion>
{
    public void Configure(EntityTypeBuilder<FiguresVersion> builder)
    {
        builder.ToTable("FiguresVersion");
        builder.Property(v => v.Id).ValueGeneratedNever();
        // The row exists from the migration on, so renewing the stamp is a plain UPDATE that never misses.
        builder.HasData(new FiguresVersion { Id = FiguresVersion.SingleId, Stamp = FiguresVersion.Initial });
    }
}
