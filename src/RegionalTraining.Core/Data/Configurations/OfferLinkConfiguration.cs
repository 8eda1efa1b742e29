using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Cooperation;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class OfferLinkConfiguration : IEntityTypeConfiguration<OfferLink>
{
    public void Configure(EntityTypeBuilder<OfferLink> builder)
    {
        builder.HasKey(l => l.Id);
        // One item per link, and an offer linked to an item once (unique indexes filtered on the item's column).
        builder.ToTable(t => t.HasCheckConstraint("CK_OfferLinks_OneItem",
            "(NeedId IS NOT NULL AND ConstraintId IS NULL) OR (NeedId IS NULL AND ConstraintId IS NOT NULL)"));
        builder.HasIndex(l => new { l.OfferId, l.NeedId }).IsUnique().HasFilter("NeedId IS NOT NULL");
        builder.HasIndex(l => new { l.OfferId, l.ConstraintId }).IsUnique().HasFilter("ConstraintId IS NOT NULL");
        builder.HasIndex(l => l.NeedId);
        builder.HasIndex(l => l.ConstraintId);
        builder.Property(l => l.LinkedBy).HasMaxLength(450);
        builder.HasOne(l => l.Offer).WithMany(o => o.Links).HasForeignKey(l => l.OfferId).OnDelete(DeleteBehavior.Cascade);
        // A need is never deleted while the register follows it; if a sheet's draft row goes, its links go with it.
        builder.HasOne(l => l.Need).WithMany().HasForeignKey(l => l.NeedId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Constraint).WithMany().HasForeignKey(l => l.ConstraintId).OnDelete(DeleteBehavior.Cascade);
    }
}
