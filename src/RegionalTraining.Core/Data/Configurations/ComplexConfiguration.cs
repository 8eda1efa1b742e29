using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class ComplexConfiguration : IEntityTypeConfiguration<Complex>
{
    public void Configure(EntityTypeBuilder<Complex> builder)
    {
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Code).HasMaxLength(FieldLengths.Code);
        builder.Property(c => c.NameFr).HasMaxLength(FieldLengths.Name);
        builder.Property(c => c.NameAr).HasMaxLength(FieldLengths.Name);
        builder.HasOne(c => c.Directorate).WithMany(d => d.Complexes)
            .HasForeignKey(c => c.DirectorateId).OnDelete(DeleteBehavior.Restrict);
        ColumnDefaults.Audit(builder);
    }
}
