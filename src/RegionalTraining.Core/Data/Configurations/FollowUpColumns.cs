using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.NeedsAndConstraints;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Core.Data.Configurations;

/// <summary>The follow-up columns needs and constraints share, and the table linking each to the sheets that showed it.</summary>
internal static class FollowUpColumns
{
    public static void Configure<T>(EntityTypeBuilder<T> builder, string sheetsTable, string itemColumn)
        where T : class, IRegisterItem
    {
        builder.Property(x => x.Owner).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Plan).HasMaxLength(FieldLengths.Text);
        builder.Property(x => x.Outcome).HasMaxLength(FieldLengths.Text);
        builder.HasMany(x => x.Sheets).WithMany().UsingEntity(
            sheetsTable,
            sheet => sheet.HasOne(typeof(EstablishmentProfile)).WithMany().HasForeignKey("ProfileId").OnDelete(DeleteBehavior.Cascade),
            item => item.HasOne(typeof(T)).WithMany().HasForeignKey(itemColumn).OnDelete(DeleteBehavior.Cascade));
    }
}
