using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class ProfileChangeConfiguration : IEntityTypeConfiguration<ProfileChange>
{
    public void Configure(EntityTypeBuilder<ProfileChange> builder)
    {
        builder.Property(c => c.Field).HasMaxLength(250);
        builder.Property(c => c.OldValue).HasMaxLength(2000);
        builder.Property(c => c.NewValue).HasMaxLength(2000);
    }
}
