using System.Security.Cryptography;
using System.Text;
using FeedPublisher.Core.Storing;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// What each feed's files were last rendered from: the settings that shape every file, and per
/// feed a hash of its title, description and the versions (id, content hash, updated) of the
/// articles it shows. A feed whose fingerprint is unchanged renders to the same bytes, so its
/// files stay as they are without being rendered or read: a change costs work in proportion to
/// the feeds it touches. Kept in <see cref="PublishState.FeedFingerprintsFile"/>.
/// </summary>
internal sealed record FeedFingerprints(string Shape, Dictionary<string, string> Feeds)
{
    public static string Of(FeedSpec spec, IReadOnlyList<ArticleVersion> versions)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var text = new StringBuilder().AppendJoin('\n', spec.Folder, spec.Title, spec.Description, spec.FullContent.ToString(), spec.MaxItems.ToString(invariant));
        foreach (var version in versions)
        {
            // "id|content hash|updated in Unix milliseconds": the text the stores returned before
            // versions were typed. Kept so that fingerprints on disk still match after an upgrade
            // (a changed text would render every feed again once).
            text.Append('\n').Append(version.Id).Append('|').Append(version.ContentHash).Append('|')
                .Append(version.Updated.ToUnixTimeMilliseconds().ToString(invariant));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
