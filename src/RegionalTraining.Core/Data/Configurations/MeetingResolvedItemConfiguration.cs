using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;
using RegionalTraining.Core.Meetings.FollowThrough;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class MeetingResolvedItemConfiguration : IEntityTypeConfiguration<MeetingResolvedItem>
{
    public void Configure(EntityTypeBuilder<MeetingResolvedItem> builder)
    {
        builder.HasIndex(r => r.MeetingId);
        builder.HasOne<Meeting>().WithMany(m => m.ResolvedItems).HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.ItemType).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Category).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.EstablishmentFr).HasMaxLength(FieldLengths.Name);
        builder.Property(r => r.EstablishmentAr).HasMaxLength(FieldLengths.Name);
        builder.Property(r => r.Description).HasMaxLength(FieldLengths.Text);
        builder.Property(r => r.Outcome).HasMaxLength(FieldLengths.Text);
    }
}
