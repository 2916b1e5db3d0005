using FeedPublisher.Core.Storing;

namespace FeedPublisher.Core.Ingesting;

/// <summary>
/// What the store holds of the files an ingest looks at, by stored path, with the items of each
/// JSON Feed document found by the document's path (<see cref="FeedItemPaths"/>).
/// </summary>
internal sealed class KnownFiles(IReadOnlyDictionary<string, KnownFile> byPath)
{
    // Built when first asked, on whichever thread asks first: most ingests hold no document at all.
    private readonly Lazy<Dictionary<string, List<KnownFile>>?> _items = new(() => FeedItemPaths.ByDocument(byPath));

    public IReadOnlyDictionary<string, KnownFile> ByPath => byPath;

    public KnownFile? At(string path) => byPath.GetValueOrDefault(path);

    /// <summary>The stored items of the JSON Feed document at <paramref name="path"/>; none for any other file.</summary>
    public IReadOnlyList<KnownFile> ItemsOf(string path) => _items.Value?.GetValueOrDefault(path) ?? [];
}
