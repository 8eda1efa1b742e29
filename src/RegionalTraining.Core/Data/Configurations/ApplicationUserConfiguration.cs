using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Common;
using RegionalTraining.Core.Accounts;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(FieldLengths.PersonName);
        builder.HasOne(u => u.Directorate).WithMany()
            .HasForeignKey(u => u.DirectorateId).OnDelete(DeleteBehavior.Restrict);
    }
}
