using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Search;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class GazetteerTownConfiguration : IEntityTypeConfiguration<GazetteerTown>
{
    public void Configure(EntityTypeBuilder<GazetteerTown> builder)
    {
        builder.Property(t => t.NameFr).HasMaxLength(FieldLengths.Town);
        builder.Property(t => t.NameAr).HasMaxLength(FieldLengths.Town);
        builder.Property(t => t.Variants).HasMaxLength(FieldLengths.Text);
        builder.HasIndex(t => t.NameFr).IsUnique();
        builder.Ignore(t => t.Names);
    }
}
