using System.Buffers;
using System.Text;
using System.Xml;

namespace FeedPublisher.Core.Text;

/// <summary>
/// Makes any text safe to put in XML and pleasant to read: characters that XML forbids
/// (control characters, lone surrogates, U+FFFE/U+FFFF) are dropped, because one of them makes
/// XmlWriter throw halfway through a feed; runs of whitespace become one space.
/// </summary>
public static class TextHygiene
{
    /// <summary>What <see cref="CleanLine"/> turns into a space, but the space itself.</summary>
    private static readonly SearchValues<char> WhiteSpaceButSpace = SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => c != ' ' && (char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF'))]);

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

    /// <summary>
    /// Strips invalid characters, collapses whitespace to single spaces and trims; closes the
    /// direction overrides, embeddings and isolates the line leaves open (<see cref="CloseDirections"/>).
    /// </summary>
    public static string CleanLine(string text) => CloseDirections(Collapse(StripInvalidXmlChars(text)));

    /// <summary>
    /// The line with a closer (PDF, PDI) appended for each bidi embedding, override or isolate it
    /// opens and does not close (UAX #9): a title ending in a right-to-left override must not turn
    /// the rest of a browser tab, a reader's list or a page around it backwards.
    /// </summary>
    public static string CloseDirections(string line)
    {
        if (line.AsSpan().IndexOfAnyInRange('\u202A', '\u202E') < 0 && line.AsSpan().IndexOfAnyInRange('\u2066', '\u2069') < 0)
        {
            return line;
        }

        var open = new Stack<char>();
        var isolates = 0; // counted, so that a run of stray PDIs costs no scan of the stack each
        foreach (var c in line)
        {
            switch (c)
            {
                case '\u202A' or '\u202B' or '\u202D' or '\u202E':
                    open.Push('\u202C');
                    break;
                case '\u2066' or '\u2067' or '\u2068':
                    open.Push('\u2069');
                    isolates++;
                    break;
                case '\u202C' when open.TryPeek(out var top) && top == '\u202C':
                    open.Pop();
                    break;
                case '\u2069' when isolates > 0:
                    // A PDI closes its isolate and whatever was opened inside it.
                    while (open.Pop() != '\u2069')
                    {
                    }

                    isolates--;
                    break;
            }
        }

        return open.Count == 0 ? line : line + string.Concat(open);
    }

    private static string Collapse(string valid)
    {
        if (IsCleanLine(valid))
        {
            return valid;
        }

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

    /// <summary>
    /// True when <see cref="CleanLine"/> would change nothing: single spaces between words, none
    /// at the ends, no other white space. Vectorized searches, since most lines are like that.
    /// </summary>
    private static bool IsCleanLine(string text) =>
        text.Length == 0
        || (text[0] != ' ' && text[^1] != ' '
            && !text.Contains("  ", StringComparison.Ordinal)
            && text.AsSpan().IndexOfAny(WhiteSpaceButSpace) < 0);

    /// <summary>XmlConvert.IsXmlChar accepts surrogate code units; alone, they are not characters.</summary>
    private static bool IsXmlChar(char c) => XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c);

    /// <summary>
    /// Whether every character is allowed. Characters from U+0020 to U+D7FF always are, which one
    /// vectorized search skips; only from the first other one on is each looked at.
    /// </summary>
    private static bool IsAllValid(string text)
    {
        var first = text.AsSpan().IndexOfAnyExceptInRange('\u0020', '\uD7FF');
        if (first < 0)
        {
            return true;
        }

        for (var i = first; i < text.Length; i++)
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
