using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Cooperation;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class OfferLinkConfiguration : IEntityTypeConfiguration<OfferLink>
{
    public void Configure(EntityTypeBuilder<OfferLink> builder)
    {
        builder.HasKey(l => new { l.OfferId, l.NeedId });
        builder.HasIndex(l => l.NeedId);
        builder.Property(l => l.LinkedBy).HasMaxLength(450);
        builder.HasOne(l => l.Offer).WithMany(o => o.Links).HasForeignKey(l => l.OfferId).OnDelete(DeleteBehavior.Cascade);
        // A need is never deleted while the register follows it; if a sheet's draft row goes, its links go with it.
        builder.HasOne(l => l.Need).WithMany().HasForeignKey(l => l.NeedId).OnDelete(DeleteBehavior.Cascade);
    }
}
