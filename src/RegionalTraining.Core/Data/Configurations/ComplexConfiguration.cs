using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class ComplexConfiguration : IEntityTypeConfiguration<Complex>
{
    public void Configure(EntityTypeBuilder<Complex> builder)
    {
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Code).HasMaxLength(32);
        builder.Property(c => c.NameFr).HasMaxLength(200);
        builder.Property(c => c.NameAr).HasMaxLength(200);
        builder.HasOne(c => c.Directorate).WithMany(d => d.Complexes)
            .HasForeignKey(c => c.DirectorateId).OnDelete(DeleteBehavior.Restrict);
        ColumnDefaults.Audit(builder);
    }
}
