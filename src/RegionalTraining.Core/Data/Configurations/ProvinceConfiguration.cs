using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> builder)
    {
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Code).HasMaxLength(FieldLengths.Code);
        builder.Property(p => p.NameFr).HasMaxLength(FieldLengths.Name);
        builder.Property(p => p.NameAr).HasMaxLength(FieldLengths.Name);
        builder.HasOne(p => p.Region).WithMany(r => r.Provinces)
            .HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
        ColumnDefaults.Audit(builder);
    }
}
