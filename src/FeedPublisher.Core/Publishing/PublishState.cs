using System.Text.Json;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// The files the publisher keeps beside the feeds, all named here (dotfiles, which the built-in
/// server never serves), and how the records that let a publish skip work are read and staged:
/// the publish key, the feed fingerprints and the archive page fingerprints. Their bytes on disk
/// are those earlier versions wrote: a directory they published keeps working, and a publish with
/// nothing changed after an upgrade writes nothing. The manifest, the staging folder and its
/// journal are <see cref="FeedDirectory"/>'s own means of moving files into place together, and
/// the lock file <see cref="DirectoryLock"/>'s; only their names live here.
/// </summary>
public sealed class PublishState(FeedDirectory directory)
{
    /// <summary>The publish key (<see cref="PublishKey"/>), staged last of all.</summary>
    public const string PublishKeyFile = ".fp-published";

    /// <summary>Per feed, a fingerprint of what it showed (<see cref="FeedFingerprints"/>).</summary>
    public const string FeedFingerprintsFile = ".fp-feeds.json";

    /// <summary>Per archive page (by number), a fingerprint of its articles (<see cref="ArchivePlanner"/>).</summary>
    public const string ArchiveFingerprintsFile = ArchivePlanner.Folder + "/.fingerprints.json";

    /// <summary>Per article page, its article's id, its path and a fingerprint, one a line (<see cref="ArticlePages"/>): the list of pages, which the manifest leaves out.</summary>
    public const string PageRecordFile = ".fp-pages";

    /// <summary>Every file of the last publish, one a line: what a new publish no longer writes is deleted, and the directory is intact while all are there.</summary>
    public const string ManifestFile = ".fp-manifest";

    /// <summary>The private folder (0700) where a publish stages its files and keeps its journal.</summary>
    public const string StagingFolder = ".fp-staging";

    /// <summary>The moves of a publish under way (<see cref="PublishJournal"/>), finished by the next publish if this one is killed.</summary>
    public const string JournalFile = StagingFolder + "/journal.json";

    /// <summary>Files staged under their escaped relative path as the name (<see cref="FeedStaging.StageUnlisted"/>), moved into place as a whole.</summary>
    public const string StagedTree = StagingFolder + "/tree";

    /// <summary>Where versions before the staging folder kept the journal; one they left is still finished.</summary>
    public const string LegacyJournalFile = ".fp-journal.json";

    /// <summary>Temporary files start with this: a dotfile that never carries a feed's name.</summary>
    public const string TemporaryPrefix = ".fp-tmp-";

    /// <summary>The flock held for the length of a publish (<see cref="DirectoryLock"/>).</summary>
    public const string LockFile = ".fp-lock";

    // Read from the directory as it stands; staged into a publish's staging session, which moves
    // them into place with the files they describe (so the staging methods need no directory).

    /// <summary>The key of the last publish, or null when there is none (or not one a publish wrote).</summary>
    public PublishKey? ReadKey() => directory.Read(PublishKeyFile) is { } bytes ? PublishKey.FromBytes(bytes) : null;

    public static PublishedFile StageKey(FeedStaging staging, PublishKey key) => staging.Stage(PublishKeyFile, key.ToBytes(), gzip: false);

    /// <summary>The feed fingerprints of the last publish, or none when it had other settings (<paramref name="shape"/>, the settings hash).</summary>
    internal FeedFingerprints ReadFeedFingerprints(string shape)
    {
        var known = directory.Read(FeedFingerprintsFile) is { } bytes ? JsonSerializer.Deserialize<FeedFingerprints>(bytes) : null;
        return known is not null && known.Shape == shape ? known : new FeedFingerprints(shape, []);
    }

    /// <summary>Stages the feed fingerprints, feeds in ordinal order: the same fingerprints always give the same bytes.</summary>
    internal static PublishedFile StageFeedFingerprints(FeedStaging staging, FeedFingerprints fingerprints) =>
        staging.Stage(FeedFingerprintsFile, JsonSerializer.SerializeToUtf8Bytes(
            fingerprints with { Feeds = new Dictionary<string, string>(fingerprints.Feeds.OrderBy(f => f.Key, StringComparer.Ordinal)) }), gzip: false);

    /// <summary>The article pages of the last publish, by article id; none when there is no record (or a line is not one it wrote).</summary>
    public Dictionary<string, PageRecord> ReadPageRecord()
    {
        var pages = new Dictionary<string, PageRecord>(StringComparer.Ordinal);
        var path = directory.Resolve(PageRecordFile);
        if (!File.Exists(path))
        {
            return pages;
        }

        foreach (var line in File.ReadLines(path))
        {
            var fields = line.Split('\t');
            if (fields.Length != 3 || !Building.ArticlePagePath.IsWellFormed(fields[1]))
            {
                // Not a record this version wrote: every page is rendered again, and compared with the file in place.
                return [];
            }

            pages[fields[0]] = new PageRecord(fields[1], fields[2]);
        }

        return pages;
    }

    /// <summary>Stages the record of article pages (<see cref="ArticlePages"/>), written in the store's order.</summary>
    public static PublishedFile StagePageRecord(FeedStaging staging, byte[] bytes) => staging.Stage(PageRecordFile, bytes, gzip: false);

    /// <summary>The archive page fingerprints of the last publish, by page number.</summary>
    public Dictionary<string, string> ReadArchiveFingerprints() =>
        directory.Read(ArchiveFingerprintsFile) is { } bytes ? JsonSerializer.Deserialize<Dictionary<string, string>>(bytes) ?? [] : [];

    /// <summary>Stages the archive page fingerprints, in the order given (page order).</summary>
    public static PublishedFile StageArchiveFingerprints(FeedStaging staging, Dictionary<string, string> fingerprints) =>
        staging.Stage(ArchiveFingerprintsFile, JsonSerializer.SerializeToUtf8Bytes(fingerprints), gzip: false);
}
