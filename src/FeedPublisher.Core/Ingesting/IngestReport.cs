namespace FeedPublisher.Core.Ingesting;

/// <summary>What one pass over the articles folder found and did.</summary>
public sealed record IngestReport(int Files, int Added, int Updated, int Unchanged, int Removed, IReadOnlyList<ArticleProblem> Problems)
{
    public int Rejected => Problems.Count(p => p.Rejected);

    /// <summary>Files kept out of the feeds on purpose: drafts and expired articles (not problems).</summary>
    public int Withheld { get; init; }

    /// <summary>Keys no reader knows, one entry per key over all the files read (warnings, not problems: every file was still used).</summary>
    public IReadOnlyList<UnknownArticleKey> UnknownKeys { get; init; } = [];
}
