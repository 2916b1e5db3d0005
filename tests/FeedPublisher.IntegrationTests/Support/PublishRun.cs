namespace FeedPublisher.IntegrationTests.Support;

/// <summary>
/// One publish as a node's log tells it: from the scheduled job's "Publish started on node" line to
/// the publish's "Published in" (or the job's "Publish failed"). End is null while it runs, and for
/// a node killed in the middle of it. A publish that found nothing changed says "Published in" only
/// at Debug, which <see cref="ClusterNode"/> turns on for <see cref="EndCategory"/>: without it such
/// a publish would look as if it never ended.
/// </summary>
public sealed record PublishRun(string Node, DateTimeOffset Start, DateTimeOffset? End, bool TakingOver)
{
    /// <summary>The category of the "Published in" line.</summary>
    public const string EndCategory = "FeedPublisher.Core.Publishing.FeedPublishingService";

    public static IReadOnlyList<PublishRun> Of(ClusterNode node)
    {
        var runs = new List<PublishRun>();
        PublishRun? open = null;
        foreach (var entry in node.Log)
        {
            if (IsStart(entry))
            {
                Assert.True(open is null, $"{node.Name} started a publish at {entry.Timestamp:O} while its publish of {open?.Start:O} had not ended:\n{node.RawLog}");
                open = new PublishRun(node.Name, entry.Timestamp, null, entry.Message.Contains("taking over", StringComparison.Ordinal));
            }
            else if (IsEnd(entry) && open is not null)
            {
                runs.Add(open with { End = entry.Timestamp });
                open = null;
            }
        }

        if (open is not null)
        {
            runs.Add(open);
        }

        return runs;
    }

    public override string ToString() => $"{Node}: {Start:HH:mm:ss.fff} to {(End is { } end ? end.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture) : "(no end)")}{(TakingOver ? ", taking over" : "")}";

    private static bool IsStart(LogEntry entry) =>
        entry.Category == "FeedPublisher.Scheduling.PublishJob" && entry.Message.StartsWith("Publish started on node", StringComparison.Ordinal);

    private static bool IsEnd(LogEntry entry) =>
        (entry.Category == EndCategory && entry.Message.StartsWith("Published in", StringComparison.Ordinal))
        || (entry.Category == "FeedPublisher.Scheduling.PublishJob" && entry.Message.StartsWith("Publish failed", StringComparison.Ordinal));
}
