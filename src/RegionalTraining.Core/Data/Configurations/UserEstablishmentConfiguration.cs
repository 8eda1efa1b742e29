using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Accounts;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class UserEstablishmentConfiguration : IEntityTypeConfiguration<UserEstablishment>
{
    public void Configure(EntityTypeBuilder<UserEstablishment> builder)
    {
        builder.HasKey(ue => new { ue.UserId, ue.EstablishmentId });
        builder.HasOne(ue => ue.User).WithMany(u => u.Establishments)
            .HasForeignKey(ue => ue.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(ue => ue.Establishment).WithMany()
            .HasForeignKey(ue => ue.EstablishmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
