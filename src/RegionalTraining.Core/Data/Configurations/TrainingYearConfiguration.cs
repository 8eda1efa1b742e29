using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Organisation;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class TrainingYearConfiguration : IEntityTypeConfiguration<TrainingYear>
{
    public void Configure(EntityTypeBuilder<TrainingYear> builder)
    {
        builder.HasIndex(y => y.StartYear).IsUnique();
        builder.HasIndex(y => y.Code).IsUnique();
        builder.Property(y => y.Code).HasMaxLength(16);
        builder.Ignore(y => y.Label);
        builder.Ignore(y => y.StartsOn);
        builder.Ignore(y => y.EndsOn);
    }
}
