namespace FeedPublisher.Storage.Postgres;

/// <summary>
/// The advisory locks that keep several FeedPublisher processes on one database in step. Each is a
/// pair of keys: the first names FeedPublisher, so the locks of other programs on the same database
/// cannot collide with ours; the second names what is locked.
/// </summary>
internal static class PostgresLocks
{
    private const string FeedPublisher = "1179678050"; // 0x46507562, "FPub" in ASCII

    /// <summary>Held (per session) while migrations run, so two processes starting at once migrate once.</summary>
    public const string Schema = $"{FeedPublisher}, 1";

    /// <summary>Held (per transaction) by every write, so slugs and archive order are handed out one writer at a time.</summary>
    public const string Writers = $"{FeedPublisher}, 2";
}
