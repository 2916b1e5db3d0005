using FeedPublisher.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace FeedPublisher.Scheduling;

/// <summary>Quartz in the host: one publish at start, then on the cron schedule.</summary>
public static class SchedulingServices
{
    public static IServiceCollection AddPublishSchedule(this IServiceCollection services, ScheduleOptions schedule)
    {
        services.AddQuartz(q =>
        {
            q.AddJob<PublishJob>(job => job.WithIdentity(PublishJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(PublishJob.Key).WithIdentity("publish-at-start").StartNow());
            q.AddTrigger(t => t.ForJob(PublishJob.Key).WithIdentity("publish-on-schedule")
                // A run missed while the machine slept fires once on wake-up, not once per missed slot.
                .WithCronSchedule(schedule.Publish, cron => cron.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
