using System.Text;
using System.Text.RegularExpressions;

namespace FeedPublisher.Core.Reading;

/// <summary>The charset a page declares in its first 1024 bytes (<c>&lt;meta charset&gt;</c> or http-equiv), as browsers look for it.</summary>
public static partial class HtmlCharset
{
    private const int PrescanBytes = 1024;

    public static Encoding? Declared(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        var match = CharsetPattern().Match(head);
        if (!match.Success)
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(match.Groups["name"].Value);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?(?<name>[A-Za-z0-9._:-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetPattern();
}
