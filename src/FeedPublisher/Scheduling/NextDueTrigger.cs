using System.Globalization;
using FeedPublisher.Core.Storing;
using Microsoft.Extensions.Logging;
using Quartz;

namespace FeedPublisher.Scheduling;

/// <summary>
/// Wakes the scheduled worker for the next scheduled article (issue 16): after each publish, one
/// one-shot trigger at the earliest instant ahead at which an article becomes due or expires
/// (<see cref="PublicationSchedule.NextDue"/>), replacing the one before. So a story dated 09:00
/// is in the feeds seconds after 09:00 whatever Schedule:Publish says. The trigger lives in the
/// scheduler's job store: with Schedule:Clustered in the shared database, where whichever node is
/// up fires it (and the publish it starts sets the next one).
/// </summary>
public sealed partial class NextDueTrigger(IArticleStore store, TimeProvider time, ILogger<NextDueTrigger> logger)
{
    public static readonly TriggerKey Key = new("publish-when-due");

    private readonly Lock _gate = new();
    private DateTimeOffset? _logged;

    /// <summary>Sets the trigger at the store's next due instant, or removes it when there is none.</summary>
    /// <param name="publishStarted">When the publish just finished began (by the same clock as the store's).</param>
    public async Task ScheduleAsync(IScheduler scheduler, DateTimeOffset publishStarted, CancellationToken cancellationToken)
    {
        var schedule = await store.GetScheduleAsync(cancellationToken);
        // An article came due (or expired) while the publish ran, perhaps after its queries read the
        // clock: publish once more at once rather than leave it to the cron. If the publish did show
        // it, the next one finds a changed publish key but nothing to render.
        var next = schedule.LastDue > publishStarted ? time.GetUtcNow() : schedule.NextDue;
        var current = await scheduler.GetTrigger(Key, cancellationToken);
        if (next is not { } at)
        {
            if (current is not null)
            {
                await scheduler.UnscheduleJob(Key, cancellationToken);
            }
        }
        else if (current?.StartTimeUtc != at)
        {
            var trigger = TriggerBuilder.Create().WithIdentity(Key).ForJob(PublishJob.Key).StartAt(at)
                // Missed (the process was down, or the cluster busy): publish as soon as it can.
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            // Replacing a trigger from inside the job it fired is safe: Quartz deletes a fired
            // one-shot trigger after its job only if it has not been rescheduled meanwhile.
            if (current is null || await scheduler.RescheduleJob(Key, trigger, cancellationToken) is null)
            {
                await scheduler.ScheduleJob(trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
            }
        }

        Announce(schedule.NextDue);
    }

    /// <summary>Logs the next instant once per change, so a publish every minute does not repeat it.</summary>
    private void Announce(DateTimeOffset? next)
    {
        lock (_gate)
        {
            if (next == _logged)
            {
                return;
            }

            _logged = next;
        }

        if (next is { } at)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var utc = at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                NextScheduled(logger, utc);
            }
        }
        else if (next is null)
        {
            NoneScheduled(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Next scheduled article at {At}")]
    private static partial void NextScheduled(ILogger logger, string at);

    [LoggerMessage(Level = LogLevel.Information, Message = "No scheduled article ahead")]
    private static partial void NoneScheduled(ILogger logger);
}
