using System.Globalization;
using System.Text;
using FeedPublisher.Core.Storing;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// What a feed directory was last published from: the store's version, the hash of the output
/// settings (<see cref="PublishShape.Hash"/>) and the last instant at which an article became due
/// or expired (<see cref="PublicationSchedule.LastDue"/>): a scheduled article that becomes due
/// changes the feeds without changing the store. When all match what is on disk and the directory
/// is intact, a publish would write the same bytes, so it writes nothing.
/// </summary>
public sealed record PublishKey(long StoreVersion, string SettingsHash, DateTimeOffset? LastDue = null)
{
    /// <summary>The key of a publish of this store now: its version, and where its clock stands among its articles' dates.</summary>
    public static async Task<PublishKey> ReadAsync(IArticleStore store, string settingsHash, CancellationToken cancellationToken) =>
        new(await store.GetVersionAsync(cancellationToken), settingsHash, (await store.GetScheduleAsync(cancellationToken)).LastDue);

    /// <summary>
    /// "{version}\n{hash}\n" in UTF-8, the bytes of <see cref="PublishState.PublishKeyFile"/> since it
    /// was first written, then "{LastDue in Unix ms}\n" when there is one (an empty store has none).
    /// </summary>
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(LastDue is { } due
        ? string.Create(CultureInfo.InvariantCulture, $"{StoreVersion}\n{SettingsHash}\n{due.ToUnixTimeMilliseconds()}\n")
        : string.Create(CultureInfo.InvariantCulture, $"{StoreVersion}\n{SettingsHash}\n"));

    /// <summary>
    /// The key these bytes hold, or null when they are not exactly what <see cref="ToBytes"/> writes:
    /// a key compares equal only where the bytes on disk did, so no file that used to make a
    /// publish write everything again ("+5", a missing newline) now lets it write nothing. A file
    /// of two lines, written before the third existed, reads as a key without one: it matches
    /// only an empty store, so the first publish after the upgrade goes through (rendering only
    /// the feeds whose fingerprints changed).
    /// </summary>
    public static PublishKey? FromBytes(ReadOnlySpan<byte> bytes)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        if (lines.Length is not (3 or 4) || !long.TryParse(lines[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var version))
        {
            return null;
        }

        DateTimeOffset? due = null;
        if (lines.Length == 4)
        {
            if (!long.TryParse(lines[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms) || ms is < -62135596800000 or > 253402300799999)
            {
                return null;
            }

            due = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }

        var key = new PublishKey(version, lines[1], due);
        return key.ToBytes().AsSpan().SequenceEqual(bytes) ? key : null;
    }
}
