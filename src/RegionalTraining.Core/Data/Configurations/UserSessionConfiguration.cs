using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Accounts;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.Property(s => s.Id).HasMaxLength(UserSession.IdLength);
        builder.Property(s => s.SecurityStamp).HasMaxLength(256);
        builder.Property(s => s.UserAgent).HasMaxLength(UserSession.UserAgentMaxLength);
        builder.Property(s => s.Address).HasMaxLength(UserSession.AddressMaxLength);
        builder.HasOne(s => s.User).WithMany()
            .HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        // "The sessions of this user that are still open" is the only query besides the primary key.
        builder.HasIndex(s => new { s.UserId, s.EndedAtUtc });
    }
}
