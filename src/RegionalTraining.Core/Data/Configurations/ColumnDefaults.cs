using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;

namespace RegionalTraining.Core.Data.Configurations;

/// <summary>Column sizes shared by every audited entity, so both providers get the same schema.</summary>
internal static class ColumnDefaults
{
    public static void Audit<T>(EntityTypeBuilder<T> builder)
        where T : EditableEntity
    {
        builder.Property(e => e.CreatedBy).HasMaxLength(450);
        builder.Property(e => e.UpdatedBy).HasMaxLength(450);
    }
}
