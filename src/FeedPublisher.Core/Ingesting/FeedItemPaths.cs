using System.Security.Cryptography;
using System.Text;

namespace FeedPublisher.Core.Ingesting;

/// <summary>
/// Where the store keeps the articles of a JSON Feed document in the articles folder: one row
/// per item, at the document's path, "//" and a hash of the item's id
/// ("exports/feed.json//3f2a9c0d1e4b5a67"). A path the walk gives never holds "//", so the
/// document a row belongs to is the part before the first "//", and no item path is ever a file:
/// every look at the file system goes through <see cref="ContainerOf"/>. The hash keeps the path
/// short and free of whatever the id holds; the id itself is the article's (<c>@guid:</c>).
/// </summary>
public static class FeedItemPaths
{
    private const string Separator = "//";

    /// <summary>The store path of the item with <paramref name="identity"/> in the document at <paramref name="container"/>.</summary>
    public static string Of(string container, string identity) =>
        container + Separator + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 8));

    /// <summary>Whether a stored path is an item's (an imported article's path holds its id, which may hold "//": it is not one).</summary>
    public static bool IsItem(string path) => !ArticleImporter.IsImported(path) && path.Contains(Separator, StringComparison.Ordinal);

    /// <summary>The file a stored path stands for: the document of an item, else the path itself.</summary>
    public static string ContainerOf(string path) =>
        IsItem(path) ? path[..path.IndexOf(Separator, StringComparison.Ordinal)] : path;

    /// <summary>Whether <paramref name="path"/> is an item of the document at <paramref name="container"/>.</summary>
    public static bool IsItemOf(string path, string container) =>
        path.Length > container.Length + Separator.Length && path.StartsWith(container, StringComparison.Ordinal)
        && path.AsSpan(container.Length).StartsWith(Separator, StringComparison.Ordinal);

    /// <summary>How a message names the owner of a stored path: "an item of exports/feed.json", or the path.</summary>
    public static string Describe(string path) => IsItem(path) ? $"an item of {ContainerOf(path)}" : path;

    /// <summary>What is stored of each document's items, by the document's path; null when no stored path is an item's.</summary>
    public static Dictionary<string, List<T>>? ByDocument<T>(IEnumerable<KeyValuePair<string, T>> stored)
    {
        Dictionary<string, List<T>>? documents = null;
        foreach (var (path, value) in stored)
        {
            if (IsItem(path))
            {
                documents ??= new Dictionary<string, List<T>>(StringComparer.Ordinal);
                var document = ContainerOf(path);
                if (!documents.TryGetValue(document, out var items))
                {
                    documents[document] = items = [];
                }

                items.Add(value);
            }
        }

        return documents;
    }
}
