namespace FeedPublisher.Core.Publishing;

/// <summary>The outcome of the last publish in this process, for /healthz: when, whether it worked, and its figures.</summary>
public sealed class PublishStatus
{
    private volatile Snapshot? _last;

    public Snapshot? Last => _last;

    public void Succeeded(DateTimeOffset at, PublishReport report) =>
        _last = new Snapshot(at, "ok", null, report.ArticlesInStore, report.Feeds, report.Ingest.Rejected, report.Written, (long)report.Elapsed.TotalMilliseconds);

    public void Failed(DateTimeOffset at, Exception error) =>
        _last = new Snapshot(at, "failed", error.Message, _last?.Articles ?? 0, _last?.Feeds ?? 0, _last?.RejectedFiles ?? 0, 0, 0);

    public sealed record Snapshot(DateTimeOffset At, string Result, string? Error, int Articles, int Feeds, int RejectedFiles, int FilesWritten, long ElapsedMs);
}
