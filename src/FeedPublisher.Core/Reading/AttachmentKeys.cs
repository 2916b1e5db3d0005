using System.Globalization;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Reading;

/// <summary>
/// The files that go with an article (issue 17): <c>enclosure</c> (a URL or <c>{url, type,
/// length}</c>, as podcast generators write it), <c>audio</c> and <c>video</c> (Hugo and Jekyll
/// themes), and JSON Feed 1.1 <c>attachments</c> (<c>[{url, mime_type, size_in_bytes, title,
/// duration_in_seconds}]</c>), in that order, each URL once. Every URL passes the allowlist
/// (<see cref="KeyUrls"/>); a length or duration that is no number is left out, the file kept.
/// </summary>
internal static class AttachmentKeys
{
    public static readonly IReadOnlyList<string> Keys = ["enclosure", "audio", "video", "attachments"];

    private static readonly string[] TypeFields = ["type", "mime_type", "mimetype"];
    private static readonly string[] LengthFields = ["length", "size_in_bytes", "size"];
    private static readonly string[] DurationFields = ["duration", "duration_in_seconds"];

    public static IReadOnlyList<GivenAttachment> Read(IMetadataKeys keys, KeyUrls urls)
    {
        var attachments = new List<GivenAttachment>();
        foreach (var key in Keys)
        {
            foreach (var fields in keys.Media(key))
            {
                if (urls.Allowed(fields.GetValueOrDefault("url"), key) is { } url
                    && !attachments.Exists(a => a.Url.OriginalString == url.OriginalString))
                {
                    attachments.Add(new GivenAttachment(url, MediaTypes.Given(First(fields, TypeFields)),
                        Count(First(fields, LengthFields)), Seconds(First(fields, DurationFields)), fields.GetValueOrDefault("title")));
                }
            }
        }

        return attachments;
    }

    private static string? First(IReadOnlyDictionary<string, string> fields, string[] names) =>
        names.Select(fields.GetValueOrDefault).FirstOrDefault(value => value is not null);

    private static long? Count(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Seconds as a number ("1830", "1830.5") or as a clock ("30:30", "1:00:30"), as iTunes' duration is written.</summary>
    private static long? Seconds(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds <= long.MaxValue ? (long)Math.Round(seconds) : null;
        }

        // The first part any count of hours (or minutes), the others two digits under 60.
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3 || parts[0].Length is 0 or > 6 || !parts[0].All(char.IsAsciiDigit)
            || !parts[1..].All(p => p.Length == 2 && p.All(char.IsAsciiDigit) && p[0] < '6'))
        {
            return null;
        }

        return parts.Aggregate(0L, (total, part) => (total * 60) + long.Parse(part, CultureInfo.InvariantCulture));
    }
}
