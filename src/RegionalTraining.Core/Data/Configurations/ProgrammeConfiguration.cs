using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.HasIndex(p => p.Code).IsUnique();
        builder.HasIndex(p => new { p.SectorId, p.Level });
        builder.Property(p => p.Code).HasMaxLength(FieldLengths.Code);
        builder.Property(p => p.Level).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.NameFr).HasMaxLength(FieldLengths.Name);
        builder.Property(p => p.NameAr).HasMaxLength(FieldLengths.Name);
        builder.Property(p => p.SearchKey).HasMaxLength(600);
        builder.HasOne(p => p.Sector).WithMany(s => s.Programmes)
            .HasForeignKey(p => p.SectorId).OnDelete(DeleteBehavior.Restrict);
        ColumnDefaults.Audit(builder);
    }
}
