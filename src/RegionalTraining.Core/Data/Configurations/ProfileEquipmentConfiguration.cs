using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class ProfileEquipmentConfiguration : IEntityTypeConfiguration<ProfileEquipment>
{
    public void Configure(EntityTypeBuilder<ProfileEquipment> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(FieldLengths.Name);
        builder.Property(e => e.Condition).HasConversion<string>().HasMaxLength(16);
    }
}
