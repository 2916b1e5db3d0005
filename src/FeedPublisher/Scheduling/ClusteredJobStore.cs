using Npgsql;
using Quartz;

namespace FeedPublisher.Scheduling;

/// <summary>
/// Schedule:Clustered: Quartz keeps the schedule in the PostgreSQL store's own database (its
/// qrtz_* tables, created on first start), so every <c>run</c> process on that database is a node
/// of one cluster: a trigger fires on one node only, the publish job (which disallows concurrent
/// execution) runs on one node at a time, and the publish of a node that dies is taken over by
/// another.
/// </summary>
internal static class ClusteredJobStore
{
    /// <summary>The scheduler's name in the qrtz_* tables: one name for every node is what makes them one cluster.</summary>
    public const string SchedulerName = "FeedPublisher";

    /// <summary>
    /// How often a node records in the database that it is alive (a one-row update). A node killed
    /// in the middle of a publish has it re-run by another node after at most interval + threshold
    /// (when the others count it dead) + interval (until a survivor's next check-in): 6 s, which
    /// leaves most of the 15 s the cluster promises for the publish itself.
    /// </summary>
    public static readonly TimeSpan CheckinInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How late a check-in may be before the node is counted dead. A live node that stalls longer
    /// than interval + threshold (5 s: a pause of the whole machine, or of the database) is counted
    /// dead too, and its publish is re-run beside it; that costs a publish, not the feeds, because
    /// the second one waits for the feed directory's lock and the store writes in transactions.
    /// </summary>
    public static readonly TimeSpan CheckinMisfireThreshold = TimeSpan.FromSeconds(4);

    public static void UseClusteredStore(this IQuartzBuilder quartz, string connectionString)
    {
        quartz.ConfigureScheduler(scheduler =>
        {
            scheduler.InstanceName = SchedulerName;
            // Each node its own id, made at start from the host name and a timestamp (Quartz's AUTO).
            scheduler.GenerateInstanceId = true;
        });
        quartz.UsePersistentStore(store =>
        {
            // The factory overload: Quartz asks Npgsql for connections instead of loading its types by name.
            store.UsePostgres(NpgsqlFactory.Instance, connectionString);
            store.UseClustering(cluster =>
            {
                cluster.CheckinInterval = CheckinInterval;
                cluster.CheckinMisfireThreshold = CheckinMisfireThreshold;
            });
            // Nodes starting together on an empty database each try; the losers find the winner's tables.
            store.ProvisionSchema();
        });
    }
}
