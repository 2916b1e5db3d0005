using FeedPublisher.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace FeedPublisher.Scheduling;

/// <summary>
/// Quartz in the host: one publish at start, then on the cron schedule, and at the time of each
/// scheduled article (<see cref="NextDueTrigger"/>, set by every publish). In memory for one process;
/// with Schedule:Clustered, in the PostgreSQL database that all nodes share (<see cref="ClusteredJobStore"/>).
/// </summary>
public static class SchedulingServices
{
    public static IServiceCollection AddPublishSchedule(this IServiceCollection services, FeedPublisherSettings settings)
    {
        var schedule = settings.Schedule;
        services.AddSingleton<NextDueTrigger>();
        services.AddQuartz(q =>
        {
            if (schedule.Clustered)
            {
                q.UseClusteredStore(settings.Storage.ConnectionString);
            }

            // In a cluster the job and its triggers live in the database. Each node that starts
            // stores them again under the same keys, replacing what is there (Quartz's default,
            // so that a changed Schedule:Publish takes effect on restart); nodes starting together
            // do so one after another under Quartz's lock, and one that finds a trigger another
            // has just added reschedules it instead of failing. Durable, so the job outlives its
            // one-off triggers; requesting recovery, so a publish a dead node was running is run
            // again by another node.
            q.AddJob<PublishJob>(job => job.WithIdentity(PublishJob.Key).StoreDurably().RequestRecovery(schedule.Clustered));
            q.AddTrigger(t => t.ForJob(PublishJob.Key).WithIdentity("publish-at-start").StartNow());
            q.AddTrigger(t => t.ForJob(PublishJob.Key).WithIdentity("publish-on-schedule")
                // A run missed while the machine slept fires once on wake-up, not once per missed slot.
                .WithCronSchedule(schedule.Publish, cron => cron.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
