using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Cooperation;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class PartnerContactConfiguration : IEntityTypeConfiguration<PartnerContact>
{
    public void Configure(EntityTypeBuilder<PartnerContact> builder)
    {
        builder.HasIndex(c => c.PartnerId);
        builder.Property(c => c.Name).HasMaxLength(FieldLengths.PersonName);
        builder.Property(c => c.Role).HasMaxLength(FieldLengths.PersonName);
        builder.Property(c => c.Phone).HasMaxLength(FieldLengths.Phone);
        builder.Property(c => c.Email).HasMaxLength(FieldLengths.Email);
        builder.HasOne(c => c.Partner).WithMany(p => p.Contacts).HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
