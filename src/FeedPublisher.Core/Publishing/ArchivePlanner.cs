using System.Text.Json;
using FeedPublisher.Core.Building;
using FeedPublisher.Core.Ingesting;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Storing;
using FeedPublisher.Core.Writing;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// RFC 5005 archived feeds for the main feed, so a reader can walk its whole history. Articles are
/// paged in the order they entered the store, so a complete page never gains an article and its
/// URL always holds the same entries. Each publish renders only the pages whose fingerprint
/// changed (an article in them edited or removed) or whose files are missing; the rest are kept
/// as they are, which keeps a publish proportional to what changed, not to the archive's size.
/// </summary>
public sealed class ArchivePlanner(IArticleStore store, ArticleBodies bodies, FeedBuilder builder, FeedDirectory directory, PublishSettings settings, PublishShape shape)
{
    public const string Folder = "archive";
    private const string FingerprintsFile = Folder + "/.fingerprints.json";

    private static readonly IFeedWriter[] Writers = [new RssFeedWriter(), new AtomFeedWriter()];

    /// <summary>The archive's files, and the links that the main feed's RSS and Atom get to its newest page.</summary>
    public async Task<(IReadOnlyList<FeedFile> Files, IReadOnlyDictionary<string, FeedLink> MainFeedLinks)> PlanAsync(
        FeedDocument main, ICollection<ArticleProblem> rejected, BudgetNotes budget, CancellationToken cancellationToken)
    {
        if (settings.ArchivePageSize is not { } size)
        {
            return ([], new Dictionary<string, FeedLink>());
        }

        var complete = (await store.GetArchivePagesAsync(size, cancellationToken)).Where(p => p.Complete).ToList();
        // A page's links to its neighbours are part of what it holds: the newest page gains its
        // next-archive link once, when the page after it completes. The byte budget and its rule
        // decide which entries are shortened, so they are part of it too, as is every other setting (the shape's hash).
        var pages = complete.Select((p, i) => p with
        {
            Fingerprint = $"{p.Fingerprint}/{(i > 0 ? complete[i - 1].Number : 0)}/{(i < complete.Count - 1 ? complete[i + 1].Number : 0)}/{settings.MaxBytes}/{FeedRenderer.Revision}/{shape.Hash}",
        }).ToList();
        var known = ReadFingerprints();
        var files = new List<FeedFile>();
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            IReadOnlyList<Article>? articles = null; // asked for once per page, and only if a format needs it
            foreach (var writer in Writers)
            {
                var path = $"{Folder}/{page.Number}/{writer.FileName}";
                if (known.GetValueOrDefault(page.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)) == page.Fingerprint && directory.Holds(path, settings.Gzip))
                {
                    files.Add(FeedFile.Keep(path, settings.Gzip));
                    continue;
                }

                articles ??= await bodies.CompleteAsync(c => store.GetArchivePageAsync(page.Number, size, c), rejected, cancellationToken);
                var links = new List<FeedLink> { new("current", main.UrlOf(writer.FileName)) };
                if (i > 0)
                {
                    links.Add(new FeedLink("prev-archive", main.UrlOf($"{Folder}/{pages[i - 1].Number}/{writer.FileName}")));
                }

                if (i < pages.Count - 1)
                {
                    links.Add(new FeedLink("next-archive", main.UrlOf($"{Folder}/{pages[i + 1].Number}/{writer.FileName}")));
                }

                var document = builder.Build(main.Folder, $"{main.Title} (archive {page.Number})", main.Description, articles) with
                {
                    Id = main.Id,
                    Folder = $"{Folder}/{page.Number}",
                    Links = links,
                    IsArchive = true,
                };
                files.Add(FeedFile.Later(path, () =>
                {
                    // A complete page keeps its entries whatever their size: too large ones are shortened, none is dropped.
                    var rendered = FeedRenderer.Render(writer, document, settings.MaxBytes, keepEveryEntry: true);
                    budget.Add(document.Folder, writer.FileName, rendered, settings.MaxBytes);
                    return rendered.Bytes;
                }, settings.Gzip));
            }
        }

        var fingerprints = pages.ToDictionary(p => p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Fingerprint);
        files.Add(new FeedFile(FingerprintsFile, JsonSerializer.SerializeToUtf8Bytes(fingerprints), Gzip: false));
        var newest = pages.Count > 0 ? pages[^1].Number : (int?)null;
        var mainLinks = Writers.Where(_ => newest is not null).ToDictionary(
            w => w.FileName, w => new FeedLink("prev-archive", main.UrlOf($"{Folder}/{newest}/{w.FileName}")));
        return (files, mainLinks);
    }

    private Dictionary<string, string> ReadFingerprints() =>
        directory.Read(FingerprintsFile) is { } bytes
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(bytes) ?? []
            : [];
}
