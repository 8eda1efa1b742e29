using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class ProfileEventConfiguration : IEntityTypeConfiguration<ProfileEvent>
{
    public void Configure(EntityTypeBuilder<ProfileEvent> builder)
    {
        builder.HasIndex(e => new { e.ProfileId, e.AtUtc });
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Section).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Comment).HasMaxLength(FieldLengths.Text);
        builder.HasOne<EstablishmentProfile>().WithMany().HasForeignKey(e => e.ProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Changes).WithOne().HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
