using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class MeetingAttachmentConfiguration : IEntityTypeConfiguration<MeetingAttachment>
{
    public void Configure(EntityTypeBuilder<MeetingAttachment> builder)
    {
        builder.HasIndex(a => a.StoredName).IsUnique();
        builder.Property(a => a.OriginalName).HasMaxLength(AttachmentRules.NameMaxLength);
        builder.Property(a => a.StoredName).HasMaxLength(64);
        builder.Property(a => a.ContentType).HasMaxLength(64);
        builder.Property(a => a.Caption).HasMaxLength(FieldLengths.Title);
        builder.Property(a => a.UploadedBy).HasMaxLength(256);
    }
}
