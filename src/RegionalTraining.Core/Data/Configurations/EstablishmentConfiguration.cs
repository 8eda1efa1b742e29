using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class EstablishmentConfiguration : IEntityTypeConfiguration<Establishment>
{
    public void Configure(EntityTypeBuilder<Establishment> builder)
    {
        builder.HasIndex(e => e.Code).IsUnique();
        builder.HasIndex(e => new { e.ProvinceId, e.Type });
        // Dashboards count active establishments office-wide: read from this index, never from the table's rows.
        builder.HasIndex(e => new { e.IsActive, e.ProvinceId, e.Type });
        builder.Property(e => e.Code).HasMaxLength(FieldLengths.Code);
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(8);
        builder.Property(e => e.NameFr).HasMaxLength(FieldLengths.Name);
        builder.Property(e => e.NameAr).HasMaxLength(FieldLengths.Name);
        builder.Property(e => e.TownFr).HasMaxLength(FieldLengths.Town);
        builder.Property(e => e.TownAr).HasMaxLength(FieldLengths.Town);
        builder.Property(e => e.AddressFr).HasMaxLength(FieldLengths.Address);
        builder.Property(e => e.AddressAr).HasMaxLength(FieldLengths.Address);
        builder.Property(e => e.Phone).HasMaxLength(FieldLengths.Phone);
        builder.Property(e => e.Email).HasMaxLength(FieldLengths.Email);
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
