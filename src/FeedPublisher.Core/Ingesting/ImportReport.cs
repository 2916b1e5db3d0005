namespace FeedPublisher.Core.Ingesting;

/// <summary>What one <c>import</c> did.</summary>
public sealed record ImportReport(int Files, int Added, int Updated, int Unchanged, int Removed, IReadOnlyList<ArticleProblem> Problems)
{
    public int Rejected => Problems.Count(p => p.Rejected);
}
