using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Search;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> builder)
    {
        // On SQLite the FTS5 table SearchEntriesFts is kept in step by these triggers (migration SearchIndex):
        // declared so EF does not use RETURNING on a table with triggers.
        builder.ToTable("SearchEntries", t =>
        {
            t.HasTrigger("SearchEntries_ai");
            t.HasTrigger("SearchEntries_ad");
            t.HasTrigger("SearchEntries_au");
        });
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(e => new { e.Kind, e.EntityId }).IsUnique();
        builder.HasIndex(e => new { e.DirectorateId, e.Kind });
        builder.HasIndex(e => e.EstablishmentId);
        builder.Property(e => e.Slug).HasMaxLength(FieldLengths.Title);
        builder.Property(e => e.TitleFr).HasMaxLength(FieldLengths.Title);
        builder.Property(e => e.TitleAr).HasMaxLength(FieldLengths.Title);
        builder.HasMany<SearchGram>().WithOne().HasForeignKey(g => g.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}
