using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class EstablishmentProfileConfiguration : IEntityTypeConfiguration<EstablishmentProfile>
{
    public void Configure(EntityTypeBuilder<EstablishmentProfile> builder)
    {
        builder.HasIndex(p => new { p.EstablishmentId, p.TrainingYearId }).IsUnique();
        builder.HasIndex(p => new { p.TrainingYearId, p.Status });
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.BuildingCondition).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.AddressFr).HasMaxLength(FieldLengths.Address);
        builder.Property(p => p.AddressAr).HasMaxLength(FieldLengths.Address);
        builder.Property(p => p.Phone).HasMaxLength(FieldLengths.Phone);
        builder.Property(p => p.Email).HasMaxLength(FieldLengths.Email);
        builder.Property(p => p.ApprovedBy).HasMaxLength(450);
        builder.Ignore(p => p.TotalTrainers);
        builder.Ignore(p => p.TotalTrainees);
        builder.Ignore(p => p.TotalTraineesWomen);
        builder.HasOne(p => p.Establishment).WithMany().HasForeignKey(p => p.EstablishmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.TrainingYear).WithMany().HasForeignKey(p => p.TrainingYearId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Campaign).WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EstablishmentProfile>().WithMany().HasForeignKey(p => p.PrefilledFromId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Equipment).WithOne().HasForeignKey(e => e.ProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Programmes).WithOne().HasForeignKey(e => e.ProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Sections).WithOne().HasForeignKey(e => e.ProfileId).OnDelete(DeleteBehavior.Cascade);
        ColumnDefaults.Audit(builder);
    }
}
