using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class EstablishmentConfiguration : IEntityTypeConfiguration<Establishment>
{
    public void Configure(EntityTypeBuilder<Establishment> builder)
    {
        builder.HasIndex(e => e.Code).IsUnique();
        builder.HasIndex(e => new { e.ProvinceId, e.Type });
        builder.Property(e => e.Code).HasMaxLength(32);
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(8);
        builder.Property(e => e.NameFr).HasMaxLength(200);
        builder.Property(e => e.NameAr).HasMaxLength(200);
        builder.Property(e => e.TownFr).HasMaxLength(100);
        builder.Property(e => e.TownAr).HasMaxLength(100);
        builder.Property(e => e.AddressFr).HasMaxLength(300);
        builder.Property(e => e.AddressAr).HasMaxLength(300);
        builder.Property(e => e.Phone).HasMaxLength(32);
        builder.Property(e => e.Email).HasMaxLength(256);
        builder.Property(e => e.Latitude).HasPrecision(9, 6);
        builder.Property(e => e.Longitude).HasPrecision(9, 6);
        builder.Property(e => e.SearchKey).HasMaxLength(1000);
        builder.HasOne(e => e.Province).WithMany(p => p.Establishments)
            .HasForeignKey(e => e.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Complex).WithMany(c => c.Establishments)
            .HasForeignKey(e => e.ComplexId).OnDelete(DeleteBehavior.SetNull);
        ColumnDefaults.Audit(builder);
    }
}
