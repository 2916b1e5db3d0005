using System.Text;
using System.Xml;

namespace FeedPublisher.Core.Html;

/// <summary>
/// Makes any text safe to put in XML and pleasant to read: characters that XML forbids
/// (control characters, lone surrogates, U+FFFE/U+FFFF) are dropped, because one of them makes
/// XmlWriter throw halfway through a feed; runs of whitespace become one space.
/// </summary>
public static class TextHygiene
{
    public static string StripInvalidXmlChars(string text)
    {
        if (IsAllValid(text))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (IsXmlChar(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    /// <summary>Strips invalid characters, collapses whitespace to single spaces and trims.</summary>
    public static string CleanLine(string text)
    {
        var valid = StripInvalidXmlChars(text);
        var clean = new StringBuilder(valid.Length);
        var pendingSpace = false;
        foreach (var c in valid)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B' || c == '\uFEFF')
            {
                pendingSpace = clean.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                clean.Append(' ');
                pendingSpace = false;
            }

            clean.Append(c);
        }

        return clean.ToString();
    }

    /// <summary>XmlConvert.IsXmlChar accepts surrogate code units; alone, they are not characters.</summary>
    private static bool IsXmlChar(char c) => XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c);

    private static bool IsAllValid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsXmlChar(c))
            {
                return false;
            }
        }

        return true;
    }
}
