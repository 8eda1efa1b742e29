using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class InterventionConfiguration : IEntityTypeConfiguration<Intervention>
{
    public void Configure(EntityTypeBuilder<Intervention> builder)
    {
        builder.HasIndex(i => new { i.MeetingId, i.Position });
        builder.Property(i => i.SpeakerFr).HasMaxLength(FieldLengths.PersonName);
        builder.Property(i => i.SpeakerAr).HasMaxLength(FieldLengths.PersonName);
        builder.Property(i => i.RoleFr).HasMaxLength(FieldLengths.PersonName);
        builder.Property(i => i.RoleAr).HasMaxLength(FieldLengths.PersonName);
        builder.Property(i => i.SummaryFr).HasMaxLength(FieldLengths.InterventionSummary);
        builder.Property(i => i.SummaryAr).HasMaxLength(FieldLengths.InterventionSummary);
        builder.Property(i => i.FiguresYear).HasMaxLength(16);
        builder.Property(i => i.FiguresTopNeeds).HasMaxLength(2000);
        builder.Property(i => i.FiguresTopConstraints).HasMaxLength(2000);
        builder.HasOne(i => i.Establishment).WithMany().HasForeignKey(i => i.EstablishmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
