using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class DirectorateConfiguration : IEntityTypeConfiguration<Directorate>
{
    public void Configure(EntityTypeBuilder<Directorate> builder)
    {
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property(d => d.Code).HasMaxLength(32);
        builder.Property(d => d.NameFr).HasMaxLength(200);
        builder.Property(d => d.NameAr).HasMaxLength(200);
        builder.Property(d => d.SeatFr).HasMaxLength(100);
        builder.Property(d => d.SeatAr).HasMaxLength(100);
        ColumnDefaults.Audit(builder);
    }
}
