using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.HasIndex(r => r.Code).IsUnique();
        builder.Property(r => r.Code).HasMaxLength(32);
        builder.Property(r => r.NameFr).HasMaxLength(200);
        builder.Property(r => r.NameAr).HasMaxLength(200);
        builder.HasOne(r => r.Directorate).WithMany(d => d.Regions)
            .HasForeignKey(r => r.DirectorateId).OnDelete(DeleteBehavior.Restrict);
        ColumnDefaults.Audit(builder);
    }
}
