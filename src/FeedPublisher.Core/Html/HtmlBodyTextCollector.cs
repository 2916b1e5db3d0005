using System.Text;

namespace FeedPublisher.Core.Html;

/// <summary>
/// Builds the <see cref="HtmlBodyText"/> of a sanitized body from its elements and text, told in
/// document order: by the sanitizer as it writes them, or by a walk of the parsed output. All
/// text goes into one buffer, raw as written; a paragraph or a link is a stretch of it.
/// </summary>
public sealed class HtmlBodyTextCollector
{
    /// <summary>Elements whose text is prose: the outermost ones are the paragraphs.</summary>
    private static readonly HashSet<string> Prose = new(StringComparer.OrdinalIgnoreCase) { "p", "li", "blockquote", "dd", "pre" };

    private readonly StringBuilder _text = new();
    private readonly List<(int Start, int End, bool IsP)> _paragraphs = [];
    private readonly List<(int Start, int End, string? Href)> _links = [];
    private readonly Stack<(string Tag, int Paragraph, int Link)> _open = new();
    private int _openProse;
    private int _openLinks;

    /// <summary>
    /// False once an element was told where parsing the output would not put it
    /// (<see cref="StableNesting"/>): what was collected is then not what the output says.
    /// </summary>
    public bool MatchesParsedOutput { get; private set; } = true;

    /// <param name="tag">The element's name in lower case.</param>
    /// <param name="href">For a link, its href attribute as written (entities encoded).</param>
    public void Open(string tag, string? href)
    {
        if (!StableNesting.Allows(_open.TryPeek(out var parent) ? parent.Tag : null, tag, _openLinks > 0))
        {
            MatchesParsedOutput = false;
        }

        var paragraph = -1;
        if (Prose.Contains(tag))
        {
            if (_openProse == 0)
            {
                paragraph = _paragraphs.Count;
                _paragraphs.Add((_text.Length, -1, tag == "p"));
            }

            _openProse++;
        }

        var link = -1;
        if (tag == "a")
        {
            link = _links.Count;
            _links.Add((_text.Length, -1, href));
            _openLinks++;
        }

        _open.Push((tag, paragraph, link));
    }

    /// <summary>Text as written (entities encoded), taken from the output being written.</summary>
    public void Text(StringBuilder output, int start, int length) => _text.Append(output, start, length);

    /// <summary>Text as written (entities encoded).</summary>
    public void Text(string raw) => _text.Append(raw);

    public void Close()
    {
        var (tag, paragraph, link) = _open.Pop();
        if (Prose.Contains(tag))
        {
            _openProse--;
        }

        if (paragraph >= 0)
        {
            _paragraphs[paragraph] = _paragraphs[paragraph] with { End = _text.Length };
        }

        if (link >= 0)
        {
            _links[link] = _links[link] with { End = _text.Length };
            _openLinks--;
        }
    }

    public HtmlBodyText Build()
    {
        var paragraphs = new List<string>();
        var lead = new List<string>();
        foreach (var (start, end, isP) in _paragraphs)
        {
            if (Line(start, end) is { } line)
            {
                paragraphs.Add(line);
                if (isP)
                {
                    lead.Add(line);
                }
            }
        }

        if (paragraphs.Count == 0 && Line(0, _text.Length) is { } all)
        {
            paragraphs.Add(all);
        }

        var links = new List<(Uri Url, string Text)>();
        foreach (var (start, end, href) in _links)
        {
            if (href is not null && Uri.TryCreate(HtmlDecoding.Decode(href), UriKind.Absolute, out var url))
            {
                links.Add((url, Line(start, end) ?? ""));
            }
        }

        return new HtmlBodyText(paragraphs, lead.Count > 0 ? lead : paragraphs, links);
    }

    private string? Line(int start, int end) => HtmlDecoding.DecodeLine(_text.ToString(start, end - start));
}
