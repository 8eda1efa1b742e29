using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Notifications;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasIndex(n => new { n.UserId, n.ReadAtUtc });
        // The daily digest looks for the held e-mails only.
        builder.HasIndex(n => n.EmailHeld);
        builder.Property(n => n.UserId).HasMaxLength(450);
        builder.Property(n => n.MessageKey).HasMaxLength(300);
        builder.Property(n => n.Arguments).HasMaxLength(Notification.ArgumentsMaximumLength);
        builder.Property(n => n.Link).HasMaxLength(300);
        builder.Ignore(n => n.ArgumentList);
        builder.HasOne<Accounts.ApplicationUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
