using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Cooperation;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.HasIndex(o => new { o.PartnerId, o.Status });
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Description).HasMaxLength(FieldLengths.Text);
        builder.Property(o => o.Unit).HasMaxLength(CooperationLengths.Unit);
        builder.Property(o => o.ValueMad).HasPrecision(14, 2);
        builder.HasOne(o => o.Partner).WithMany(p => p.Offers).HasForeignKey(o => o.PartnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(o => o.Province).WithMany().HasForeignKey(o => o.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.Establishment).WithMany().HasForeignKey(o => o.EstablishmentId).OnDelete(DeleteBehavior.Restrict);
        ColumnDefaults.Audit(builder);
    }
}
