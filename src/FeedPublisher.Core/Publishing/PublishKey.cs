using System.Globalization;
using System.Text;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// What a feed directory was last published from: the store's version and the hash of the output
/// settings (<see cref="PublishShape.Hash"/>). When both match what is on disk and the directory
/// is intact, a publish would write the same bytes, so it writes nothing.
/// </summary>
public sealed record PublishKey(long StoreVersion, string SettingsHash)
{
    /// <summary>"{version}\n{hash}\n" in UTF-8: the bytes of <see cref="PublishState.PublishKeyFile"/> since it was first written.</summary>
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{StoreVersion}\n{SettingsHash}\n"));

    /// <summary>
    /// The key these bytes hold, or null when they are not exactly what <see cref="ToBytes"/> writes:
    /// a key compares equal only where the bytes on disk did, so no file that used to make a
    /// publish write everything again ("+5", a missing newline) now lets it write nothing.
    /// </summary>
    public static PublishKey? FromBytes(ReadOnlySpan<byte> bytes)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        if (lines.Length != 3 || !long.TryParse(lines[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var version))
        {
            return null;
        }

        var key = new PublishKey(version, lines[1]);
        return key.ToBytes().AsSpan().SequenceEqual(bytes) ? key : null;
    }
}
