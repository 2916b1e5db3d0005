using System.Text.RegularExpressions;

namespace FeedPublisher.Core.Text;

/// <summary>
/// An article's language as the feeds write it (Atom <c>xml:lang</c>, JSON Feed <c>language</c>,
/// the page's <c>lang</c>): a BCP 47 tag such as "en", "pt-BR" or "zh-Hant-TW". Anything else is
/// left out rather than written where validators and readers expect a tag.
/// </summary>
public static partial class LanguageTag
{
    /// <summary>The tag, trimmed; null when the text is not one.</summary>
    public static string? Of(string? text) =>
        text?.Trim() is { Length: > 0 and <= 35 } tag && Shape().IsMatch(tag) ? tag : null;

    [GeneratedRegex("^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
