using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class DecisionNoteConfiguration : IEntityTypeConfiguration<DecisionNote>
{
    public void Configure(EntityTypeBuilder<DecisionNote> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(FieldLengths.Text);
        builder.Property(n => n.UserName).HasMaxLength(256);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
    }
}
