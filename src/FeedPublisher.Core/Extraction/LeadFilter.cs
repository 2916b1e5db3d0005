using System.Text.RegularExpressions;

namespace FeedPublisher.Core.Extraction;

/// <summary>
/// What a summary must not start with: bylines, "Updated 3 hours ago", photo captions and
/// credits, reading times, a bare URL (such as the link that stands for a video player), and the
/// dateline before the first sentence ("WASHINGTON (Reuters) —").
/// </summary>
public static partial class LeadFilter
{
    private const int MaxFurnitureLength = 120;

    public static IEnumerable<string> Lead(IEnumerable<string> paragraphs)
    {
        var first = true;
        foreach (var paragraph in paragraphs)
        {
            if (paragraph.Length <= MaxFurnitureLength && Furniture().IsMatch(paragraph))
            {
                continue;
            }

            yield return first ? Dateline().Replace(paragraph, "") : paragraph;
            first = false;
        }
    }

    [GeneratedRegex("""
        ^(?:
            by\s+\p{Lu}
          | (?:updated|published|posted|last\s+(?:updated|modified))\b
          | \d+\s+(?:min(?:ute)?s?|hours?)\s+(?:read|ago)\b
          | (?:listen\s+to\s+(?:this|the)\s+article|reading\s+time)\b
          | (?:photo|image|picture|video|file\s+photo|illustration)\s*(?::|by\b|credit)
          | https?://\S+$
          | \(?(?:photo|image)\s+(?:by|credit|courtesy)\b
          | .*(?:/\s*(?:getty\s+images|reuters|ap|afp|epa|shutterstock)|\((?:getty\s+images|reuters|ap\s+photo|afp)[^)]*\))\s*$
        )
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Furniture();

    /// <summary>An upper-case place, optionally a date and an agency in brackets, then a dash.</summary>
    [GeneratedRegex(@"^\p{Lu}[\p{Lu}.'’ -]{1,40}(?:,\s*[\p{L}.]+(?:\s+\d{1,2})?)?\s*(?:\([\p{L} .&-]{1,30}\))?\s*[—–-]{1,2}\s+(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();
}
