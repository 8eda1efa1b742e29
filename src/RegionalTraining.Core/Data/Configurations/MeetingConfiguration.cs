using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.HasIndex(m => m.Slug).IsUnique();
        builder.HasIndex(m => new { m.DirectorateId, m.StartsOn });
        builder.Property(m => m.Slug).HasMaxLength(120);
        builder.Property(m => m.TitleFr).HasMaxLength(FieldLengths.Title);
        builder.Property(m => m.TitleAr).HasMaxLength(FieldLengths.Title);
        builder.Property(m => m.VenueTextFr).HasMaxLength(FieldLengths.Title);
        builder.Property(m => m.VenueTextAr).HasMaxLength(FieldLengths.Title);
        builder.Property(m => m.ChairNameFr).HasMaxLength(FieldLengths.PersonName);
        builder.Property(m => m.ChairNameAr).HasMaxLength(FieldLengths.PersonName);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(m => m.Directorate).WithMany().HasForeignKey(m => m.DirectorateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.VenueEstablishment).WithMany().HasForeignKey(m => m.VenueEstablishmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Invitations).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Interventions).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Decisions).WithOne(d => d.Meeting).HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Summary).WithOne().HasForeignKey<MeetingSummary>(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
        ColumnDefaults.Audit(builder);
    }
}
