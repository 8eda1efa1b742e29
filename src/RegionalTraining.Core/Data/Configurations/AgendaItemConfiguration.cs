using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.HasIndex(a => new { a.MeetingId, a.Position });
        builder.Property(a => a.Type).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.TitleFr).HasMaxLength(FieldLengths.Title);
        builder.Property(a => a.TitleAr).HasMaxLength(FieldLengths.Title);
        builder.Property(a => a.SpeakerFr).HasMaxLength(FieldLengths.PersonName);
        builder.Property(a => a.SpeakerAr).HasMaxLength(FieldLengths.PersonName);
        builder.Property(a => a.DescriptionFr).HasMaxLength(FieldLengths.AgendaDescription);
        builder.Property(a => a.DescriptionAr).HasMaxLength(FieldLengths.AgendaDescription);
    }
}
