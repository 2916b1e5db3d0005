using FeedPublisher.Core.Diagnostics;

namespace FeedPublisher.Core.Ingesting;

/// <summary>
/// Something wrong with one article file. A rejected file is skipped (its last good version, if
/// any, stays published); a warning means the article was still used.
/// </summary>
public sealed record ArticleProblem(string Path, string Message, bool Rejected)
{
    /// <summary>One line, whatever the file's name holds.</summary>
    public override string ToString() => $"{OneLine.Of(Path)}: {(Rejected ? "skipped" : "warning")}: {OneLine.Of(Message)}";
}
