namespace FeedPublisher.Core.Storing;

/// <summary>
/// What one ingest changes, applied by the store in one transaction: new or edited articles,
/// files whose mtime moved but whose bytes did not, and files that are gone.
/// </summary>
public sealed record StoreChanges(
    IReadOnlyList<StoredArticle> Saved,
    IReadOnlyList<ArticleFile> Touched,
    IReadOnlyList<string> RemovedPaths)
{
    public bool IsEmpty => Saved.Count == 0 && Touched.Count == 0 && RemovedPaths.Count == 0;
}
