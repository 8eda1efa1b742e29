using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class ProfileSectionStateConfiguration : IEntityTypeConfiguration<ProfileSectionState>
{
    public void Configure(EntityTypeBuilder<ProfileSectionState> builder)
    {
        builder.HasKey(s => new { s.ProfileId, s.Section });
        builder.Property(s => s.Section).HasConversion<string>().HasMaxLength(24);
        // Renewed by the profile service on every save of the section, on both providers.
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.SavedBy).HasMaxLength(450);
        builder.Property(s => s.ReviewComment).HasMaxLength(FieldLengths.Text);
        builder.Property(s => s.WarningComment).HasMaxLength(FieldLengths.Text);
    }
}
