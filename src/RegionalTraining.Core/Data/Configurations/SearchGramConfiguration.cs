using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Search;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class SearchGramConfiguration : IEntityTypeConfiguration<SearchGram>
{
    public void Configure(EntityTypeBuilder<SearchGram> builder)
    {
        // Clustered on the gram: a lookup reads only the rows of the query's grams.
        builder.HasKey(g => new { g.Gram, g.EntryId });
        builder.Property(g => g.Gram).HasMaxLength(3);
        builder.HasIndex(g => g.EntryId);
    }
}
