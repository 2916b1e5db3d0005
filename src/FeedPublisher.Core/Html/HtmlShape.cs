using System.Text;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Html;

/// <summary>
/// One linear pass over HTML before HtmlAgilityPack parses it. The parser's own work grows with
/// the square of the nesting (20,000 unclosed &lt;div&gt; took seconds, in every pass that parses
/// the body again) and with the number of elements, so the pass counts start tags, rejecting a
/// body with more than <see cref="HtmlDocuments.MaxElements"/>, and follows the nesting the way
/// the parser will, dropping the tags (never the text; a script's or style's with it) of elements opened deeper than
/// <see cref="HtmlDocuments.MaxDepth"/>. HTML within the limits is returned as it came, the same
/// string, so ordinary articles parse exactly as before.
/// </summary>
internal sealed class HtmlShape
{
    /// <summary>Elements that never have content (HtmlAgilityPack's "empty" elements).</summary>
    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "isindex", "keygen", "link",
        "meta", "param", "source", "spacer", "wbr",
    };

    /// <summary>Elements whose content is text up to their end tag (HtmlAgilityPack's CData elements).</summary>
    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal) { "script", "style", "textarea", "title", "noxhtml" };

    private static readonly HashSet<string> Headings = new(StringComparer.Ordinal) { "h1", "h2", "h3", "h4", "h5", "h6" };

    private readonly string _html;
    private readonly List<string> _open = [];
    private readonly Dictionary<string, int> _openCount = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _dropped = new(StringComparer.Ordinal);
    private StringBuilder? _output;
    private int _copied;
    private int _elements;

    private HtmlShape(string html) => _html = html;

    /// <summary>The HTML to parse: the same string, or a copy without the tags nested too deep.</summary>
    /// <exception cref="ArticleRejectedException">More elements than the limit.</exception>
    public static string Bound(string html) =>
        html.Length < HtmlDocuments.MaxDepth * 3 ? html : new HtmlShape(html).Scan(); // "<a>" is the shortest nesting

    private string Scan()
    {
        var i = _html.IndexOf('<', StringComparison.Ordinal);
        while (i >= 0 && i + 1 < _html.Length)
        {
            var next = _html[i + 1] switch
            {
                '!' when string.CompareOrdinal(_html, i, "<!--", 0, 4) == 0 => After("-->", i + 4),
                '!' or '?' => After(">", i + 2),
                '/' when i + 2 < _html.Length && char.IsAsciiLetter(_html[i + 2]) => EndTag(i),
                _ when char.IsAsciiLetter(_html[i + 1]) => StartTag(i),
                _ => i + 1,
            };
            i = next >= _html.Length ? -1 : _html.IndexOf('<', next);
        }

        if (_output is null)
        {
            return _html;
        }

        return _output.Append(_html, _copied, _html.Length - _copied).ToString();
    }

    private int StartTag(int start)
    {
        var name = Name(start + 1);
        var end = TagEnd(start + 1 + name.Length);
        var cutShort = end < _html.Length && _html[end] == '<'; // the parser opens it, but not as raw text
        if (RawText.Contains(name) && !cutShort)
        {
            var close = _html.IndexOf("</" + name, end, StringComparison.OrdinalIgnoreCase);
            var after = close < 0 ? _html.Length : TagEnd(close + 2 + name.Length);
            if (_open.Count >= HtmlDocuments.MaxDepth)
            {
                Drop(start, after); // a script's or style's text is not text for readers: all of it goes
            }
            else
            {
                Count();
            }

            return after;
        }

        if (Void.Contains(name) || (!cutShort && _html[end - 2] == '/'))
        {
            Count();
            return end;
        }

        CloseImplicitly(name);
        if (_open.Count >= HtmlDocuments.MaxDepth)
        {
            _dropped[name] = _dropped.GetValueOrDefault(name) + 1;
            Drop(start, end);
            return end;
        }

        Count();
        _open.Add(name);
        _openCount[name] = _openCount.GetValueOrDefault(name) + 1;
        return end;
    }

    /// <summary>One more element for the parser (dropped tags cost it nothing, so they do not count).</summary>
    private void Count()
    {
        if (++_elements > HtmlDocuments.MaxElements)
        {
            throw new ArticleRejectedException($"the body has more than {HtmlDocuments.MaxElements:N0} HTML elements (tags, or paragraphs of plain text); at most {HtmlDocuments.MaxElements:N0} are read");
        }
    }

    private int EndTag(int start)
    {
        var name = Name(start + 2);
        var end = TagEnd(start + 2 + name.Length);
        if (_openCount.GetValueOrDefault(name) > 0)
        {
            PopThrough(name);
        }
        else if (_dropped.GetValueOrDefault(name) > 0)
        {
            _dropped[name]--;
            Drop(start, end);
        }

        return end;
    }

    /// <summary>What the parser closes without an end tag when <paramref name="name"/> starts (a p in a p, an li in an li).</summary>
    private void CloseImplicitly(string name)
    {
        if (_open.Count == 0)
        {
            return;
        }

        var top = _open[^1];
        var closesTop = (top == name && top is "p" or "a" or "option")
            || (top is "dd" or "dt" && name is "dd" or "dt")
            || (Headings.Contains(top) && Headings.Contains(name));
        if (closesTop)
        {
            PopThrough(top);
            return;
        }

        // A list item, row or cell closes the open one of its kind, unless a list or table lies between.
        string[]? resetters = name switch
        {
            "li" => ["ul", "ol"],
            "tr" => ["table"],
            "td" or "th" => ["tr", "table"],
            _ => null,
        };
        if (resetters is null)
        {
            return;
        }

        for (var i = _open.Count - 1; i >= 0; i--)
        {
            if (resetters.Contains(_open[i]))
            {
                return;
            }

            if (_open[i] == name || (name is "td" or "th" && _open[i] is "td" or "th"))
            {
                PopThrough(_open[i]);
                return;
            }
        }
    }

    /// <summary>Closes the innermost open element of that name and everything opened inside it.</summary>
    private void PopThrough(string name)
    {
        while (_open.Count > 0)
        {
            var popped = _open[^1];
            _open.RemoveAt(_open.Count - 1);
            _openCount[popped]--;
            if (popped == name)
            {
                return;
            }
        }
    }

    private void Drop(int start, int end)
    {
        _output ??= new StringBuilder(_html.Length);
        _output.Append(_html, _copied, start - _copied);
        _copied = end;
    }

    private string Name(int start)
    {
        var end = start;
        // A name runs to white space, "/", ">" or "<", as in the parser (see TagEnd).
        while (end < _html.Length && !char.IsWhiteSpace(_html[end]) && _html[end] is not ('/' or '>' or '<'))
        {
            end++;
        }

        // Lower case, as the parser names elements.
        return _html[start..end].ToLowerInvariant();
    }

    /// <summary>
    /// Just after the tag's '>', skipping quoted attribute values; the end of the text if it never
    /// closes. A "&lt;" outside quotes ends the tag where it stands and starts the next one, as
    /// HtmlAgilityPack reads "&lt;script type=&lt;b&gt;" (a script with a b inside, not a script
    /// whose text hides the tags after it).
    /// </summary>
    private int TagEnd(int from)
    {
        for (var i = from; i < _html.Length; i++)
        {
            switch (_html[i])
            {
                case '>':
                    return i + 1;
                case '<':
                    return i;
                case '"' or '\'' when i > 0 && _html[i - 1] == '=':
                    var close = _html.IndexOf(_html[i], i + 1);
                    if (close < 0)
                    {
                        return _html.Length;
                    }

                    i = close;
                    break;
            }
        }

        return _html.Length;
    }

    private int After(string terminator, int from)
    {
        var found = _html.IndexOf(terminator, from, StringComparison.Ordinal);
        return found < 0 ? _html.Length : found + terminator.Length;
    }
}
