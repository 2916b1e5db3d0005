using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using FeedPublisher.Core.Storing;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// Every article page as a publish leaves it: per article its place in the store's order, its
/// path and what made it (<see cref="PlannedPage"/>), the paths in use, and the paths assigned to
/// tell two pages apart. Written out as the record <c>.fp-pages</c> (<see cref="Record"/>), and
/// kept by a running service (<see cref="ArticlePages"/>) with the store version, settings and
/// schedule it is of, so that the next publish applies what changed since to it instead of reading
/// every page version again (~25 MB at 100,000 articles).
/// </summary>
internal sealed record PagePlan
{
    private readonly Dictionary<string, PlannedPage> _pages;

    /// <summary>The ids in the store's order, kept while pages are only added at its end or changed in place; null to sort again.</summary>
    private List<string>? _order = [];

    public PagePlan(int capacity) =>
        (_pages, Used, Assigned) = (new(capacity, StringComparer.Ordinal), new(capacity, StringComparer.Ordinal), new(StringComparer.Ordinal));

    public IReadOnlyDictionary<string, PlannedPage> Pages => _pages;

    /// <summary>The paths of the pages (and, while a publish claims them, those it has claimed).</summary>
    public HashSet<string> Used { get; }

    /// <summary>Per article, the path it was given when its own was taken (<see cref="Building.ArticleLinks.Assigned"/>).</summary>
    public Dictionary<string, string> Assigned { get; }

    /// <summary>The store version whose articles the plan holds (<see cref="PublishKey.StoreVersion"/>).</summary>
    public long Version { get; private init; }

    public string? SettingsHash { get; private init; }

    /// <summary>When an article of the store comes due or expires next, as the publish saw it: until then only writes change which articles have a page.</summary>
    public DateTimeOffset? NextDue { get; private init; }

    /// <summary>The record file's length and mtime once the publish was in place.</summary>
    public (long Length, DateTime Written)? RecordStamp { get; init; }

    /// <summary>The plan as of the publish with this key, which saw the next due instant <paramref name="nextDue"/>.</summary>
    public PagePlan Of(PublishKey key, DateTimeOffset? nextDue) => this with { Version = key.StoreVersion, SettingsHash = key.SettingsHash, NextDue = nextDue };

    /// <summary>
    /// Whether the store's changes since <see cref="Version"/> are all a publish with
    /// <paramref name="key"/> at <paramref name="now"/> needs to apply: the same output settings,
    /// no article come due or expired by the clock alone since (<see cref="NextDue"/> still ahead),
    /// a store that went on from this version, and the record in the directory still the one this
    /// plan wrote.
    /// </summary>
    public bool Fits(PublishKey key, (long Length, DateTime Written)? recordStamp, DateTimeOffset now) =>
        RecordStamp is not null && RecordStamp == recordStamp && SettingsHash == key.SettingsHash
        && (NextDue is null || now < NextDue) && key.StoreVersion >= Version;

    public PlannedPage? Of(string id) => _pages.TryGetValue(id, out var page) ? page : null;

    /// <summary>Places the article's page at <paramref name="path"/> (claimed already) and returns what the plan now holds of it.</summary>
    public PlannedPage Settle(PageVersion version, string own, string path)
    {
        Used.Add(path);
        if (path != own)
        {
            Assigned[version.Id] = path;
        }
        else
        {
            Assigned.Remove(version.Id);
        }

        var page = new PlannedPage(version.Seq, path, version.ContentHash.Length <= 16 ? version.ContentHash : version.ContentHash[..16], version.Updated.ToUnixTimeMilliseconds());
        if (!_pages.TryAdd(version.Id, page))
        {
            // Removed and stored again meanwhile (by another process), it has a new place in the store's order.
            if (_pages[version.Id].Seq != page.Seq)
            {
                _order = null;
            }

            _pages[version.Id] = page;
        }
        else if (_order is not null && (_order.Count == 0 || _pages[_order[^1]].Seq < page.Seq))
        {
            _order.Add(version.Id);
        }
        else
        {
            _order = null;
        }

        return page;
    }

    /// <summary>Takes the article's page out of the plan; its path, or null when it had none.</summary>
    public string? Remove(string id)
    {
        if (!_pages.Remove(id, out var page))
        {
            return null;
        }

        Used.Remove(page.Path);
        Assigned.Remove(id);
        _order?.Remove(id);
        return page.Path;
    }

    /// <summary>
    /// The record <c>.fp-pages</c>: a line per page, "id TAB path TAB fingerprint", in the store's
    /// order, so that the same pages always give the same bytes however the plan was reached.
    /// </summary>
    /// <param name="shared">What every page's fingerprint shares (the output settings and the page markup's revision).</param>
    public byte[] Record(string shared)
    {
        _order ??= [.. _pages.OrderBy(page => page.Value.Seq).Select(page => page.Key)];
        var record = new ArrayBufferWriter<byte>(Math.Max(256, _pages.Count * 110));
        foreach (var id in _order)
        {
            var page = _pages[id];
            var line = record.GetSpan((id.Length + page.Path.Length) * 3 + 128);
            var length = Encoding.UTF8.GetBytes(id, line);
            line[length++] = (byte)'\t';
            length += Encoding.UTF8.GetBytes(page.Path, line[length..]);
            line[length++] = (byte)'\t';
            Utf8.TryWrite(line[length..], CultureInfo.InvariantCulture, $"{page.HashPrefix}-{page.UpdatedMs}-{shared}\n", out var fingerprint);
            record.Advance(length + fingerprint);
        }

        return record.WrittenSpan.ToArray();
    }
}

/// <summary>
/// One article's page in a <see cref="PagePlan"/>: its place in the store's order, its path, and
/// its article's version (a prefix of the content hash, itself a SHA-256, and the update date).
/// The record writes its fingerprint as "prefix-updated-shared": the version and what every page
/// shares; the path and id are on the record's line already. No hash per page: 10,000 of them
/// took 60 ms of a one-article publish.
/// </summary>
internal readonly record struct PlannedPage(long Seq, string Path, string HashPrefix, long UpdatedMs)
{
    /// <summary>Whether the record's fingerprint is this page's, compared without a string per page.</summary>
    public bool HasFingerprint(string recorded, string shared)
    {
        Span<char> text = stackalloc char[128];
        return text.TryWrite(CultureInfo.InvariantCulture, $"{HashPrefix}-{UpdatedMs}-{shared}", out var length) && text[..length].SequenceEqual(recorded);
    }

    /// <summary>Whether the page stays as it is: the same path and the same article version.</summary>
    public bool SameAs(PlannedPage other) => Path == other.Path && HashPrefix == other.HashPrefix && UpdatedMs == other.UpdatedMs;
}
