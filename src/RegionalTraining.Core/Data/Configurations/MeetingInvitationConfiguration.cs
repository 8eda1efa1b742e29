using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class MeetingInvitationConfiguration : IEntityTypeConfiguration<MeetingInvitation>
{
    public void Configure(EntityTypeBuilder<MeetingInvitation> builder)
    {
        builder.HasKey(i => new { i.MeetingId, i.EstablishmentId });
        builder.Property(i => i.Attendance).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.RepresentedByFr).HasMaxLength(FieldLengths.PersonName);
        builder.Property(i => i.RepresentedByAr).HasMaxLength(FieldLengths.PersonName);
        builder.HasOne(i => i.Establishment).WithMany().HasForeignKey(i => i.EstablishmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
