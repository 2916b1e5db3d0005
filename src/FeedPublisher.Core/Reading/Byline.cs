using System.Text.RegularExpressions;

namespace FeedPublisher.Core.Reading;

/// <summary>"By Jane Doe, Reuters · Updated 3 hours ago" → "Jane Doe".</summary>
public static partial class Byline
{
    public static string Name(string byline)
    {
        var name = ByPrefix().Replace(byline.Trim(), "");
        var cut = name.IndexOfAny([',', '|', '·', '•', '\n']);
        return (cut > 0 ? name[..cut] : name).Trim();
    }

    [GeneratedRegex(@"^(?:written\s+)?by\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByPrefix();
}
