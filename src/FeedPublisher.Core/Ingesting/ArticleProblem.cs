namespace FeedPublisher.Core.Ingesting;

/// <summary>
/// Something wrong with one article file. A rejected file is skipped (its last good version, if
/// any, stays published); a warning means the article was still used.
/// </summary>
public sealed record ArticleProblem(string Path, string Message, bool Rejected)
{
    public override string ToString() => $"{Path}: {(Rejected ? "skipped" : "warning")}: {Message}";
}
