using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Profiles;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class ProfileProgrammeConfiguration : IEntityTypeConfiguration<ProfileProgramme>
{
    public void Configure(EntityTypeBuilder<ProfileProgramme> builder)
    {
        builder.HasIndex(p => new { p.ProfileId, p.ProgrammeId });
        builder.Ignore(p => p.TotalTrainees);
        builder.Ignore(p => p.TotalTraineesWomen);
        builder.HasOne(p => p.Programme).WithMany().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
    }
}
