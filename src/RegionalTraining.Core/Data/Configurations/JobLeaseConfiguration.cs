using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RegionalTraining.Core.Jobs;

namespace RegionalTraining.Core.Data.Configurations;

public sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        // The key is what makes the INSERT of a period's lease succeed for one node only.
        builder.HasKey(l => new { l.JobName, l.PeriodKey });
        builder.Property(l => l.JobName).HasMaxLength(JobLease.JobNameMaximumLength);
        builder.Property(l => l.PeriodKey).HasMaxLength(JobLease.PeriodKeyMaximumLength);
        builder.Property(l => l.Holder).HasMaxLength(JobLease.HolderMaximumLength);
    }
}
