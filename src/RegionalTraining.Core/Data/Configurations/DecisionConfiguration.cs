using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Meetings;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.HasIndex(d => new { d.Status, d.DueOn });
        builder.Property(d => d.TextFr).HasMaxLength(FieldLengths.Text);
        builder.Property(d => d.TextAr).HasMaxLength(FieldLengths.Text);
        builder.Property(d => d.OwnerKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.OwnerPartner).HasMaxLength(FieldLengths.Name);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(d => d.OwnerEstablishment).WithMany().HasForeignKey(d => d.OwnerEstablishmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Notes).WithOne().HasForeignKey(n => n.DecisionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Constraints).WithMany().UsingEntity("DecisionConstraints");
        builder.HasMany(d => d.Needs).WithMany().UsingEntity("DecisionNeeds");
        ColumnDefaults.Audit(builder);
    }
}
