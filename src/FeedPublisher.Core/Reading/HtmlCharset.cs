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

        Encoding declared;
        try
        {
            declared = Encoding.GetEncoding(match.Groups["name"].Value);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException) // unknown, or UTF-7, which .NET refuses
        {
            return null;
        }

        // As the HTML standard says: a page that could declare itself in ASCII is not UTF-16
        // (that means UTF-8), and an encoding that does not keep ASCII (UTF-7, UTF-32, EBCDIC)
        // is not one a page can declare this way.
        return declared is UnicodeEncoding ? Encoding.UTF8
            : declared.GetBytes(AsciiProbe).AsSpan().SequenceEqual(AsciiProbeBytes) ? declared
            : null;
    }

    private const string AsciiProbe = "<meta charset=\"a-Z_0.9\">";

    private static readonly byte[] AsciiProbeBytes = Encoding.ASCII.GetBytes(AsciiProbe);

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?(?<name>[A-Za-z0-9._:-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetPattern();
}
