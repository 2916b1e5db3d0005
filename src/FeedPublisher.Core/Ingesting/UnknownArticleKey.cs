using System.Globalization;
using FeedPublisher.Core.Diagnostics;
using FeedPublisher.Core.Reading;

namespace FeedPublisher.Core.Ingesting;

/// <summary>
/// A front-matter or JSON key that no reader knows, as used across one ingest: one line per key,
/// not per file, so a site written with <c>publish_date</c> throughout gives one warning, not a thousand.
/// </summary>
/// <param name="Key">The key as the first file wrote it.</param>
/// <param name="Files">How many files of the ingest use it.</param>
/// <param name="Example">The first of them (in path order), relative to the articles folder.</param>
/// <param name="Nearest">The known key it most likely meant, when one is close.</param>
public sealed record UnknownArticleKey(string Key, int Files, string Example, string? Nearest)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Files} {(Files == 1 ? "file uses" : "files use")} the unknown key '{OneLine.Of(Key)}'{(Nearest is null ? "" : $" (did you mean '{Nearest}'?)")}, e.g. {OneLine.Of(Example)}");

    /// <summary>The unknown keys of the given files, each once, in the order first met (keys compared ignoring case, as they are read).</summary>
    internal static IReadOnlyList<UnknownArticleKey> Tally(IEnumerable<(string Path, IReadOnlyList<string> Keys)> files)
    {
        var byKey = new Dictionary<string, UnknownArticleKey>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var (path, keys) in files)
        {
            foreach (var key in keys)
            {
                if (byKey.TryGetValue(key, out var seen))
                {
                    byKey[key] = seen with { Files = seen.Files + 1 };
                }
                else
                {
                    byKey[key] = new UnknownArticleKey(key, 1, path, KnownArticleKeys.Nearest(key));
                    order.Add(key);
                }
            }
        }

        return [.. order.Select(key => byKey[key])];
    }
}
