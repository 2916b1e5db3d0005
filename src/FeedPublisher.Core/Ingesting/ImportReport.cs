using FeedPublisher.Core.Diagnostics;

namespace FeedPublisher.Core.Ingesting;

/// <summary>What one <c>import</c> did.</summary>
public sealed record ImportReport(int Files, int Added, int Updated, int Unchanged, int Removed, IReadOnlyList<ArticleProblem> Problems)
{
    public int Rejected => Problems.Count(p => p.Rejected);

    /// <summary>Files not stored because they are drafts or expired (an import of them before is removed, and counted in <see cref="Removed"/>).</summary>
    public IReadOnlyList<WithheldFile> Withheld { get; init; } = [];

    /// <summary>Items of a WordPress export that are not posts (pages, attachments, menu items): left out on purpose.</summary>
    public int SkippedItems { get; init; }

    /// <summary>Keys no reader knows, one entry per key over the files imported.</summary>
    public IReadOnlyList<UnknownArticleKey> UnknownKeys { get; init; } = [];
}

/// <summary>A file kept out of the feeds on purpose (a draft, expired): information, not a problem.</summary>
public sealed record WithheldFile(string Path, string Reason)
{
    public override string ToString() => $"{OneLine.Of(Path)}: not published: {OneLine.Of(Reason)}";
}
