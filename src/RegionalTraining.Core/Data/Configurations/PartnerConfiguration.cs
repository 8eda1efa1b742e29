using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Cooperation;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.HasIndex(p => new { p.DirectorateId, p.NameFr });
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(p => p.NameFr).HasMaxLength(FieldLengths.Name);
        builder.Property(p => p.NameAr).HasMaxLength(FieldLengths.Name);
        builder.HasOne(p => p.Directorate).WithMany().HasForeignKey(p => p.DirectorateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Province).WithMany().HasForeignKey(p => p.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        ColumnDefaults.Audit(builder);
    }
}
