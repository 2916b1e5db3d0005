namespace FeedPublisher.Core.Reading;

/// <summary>
/// A parser for the front matter people actually write: <c>key: value</c> lines at the left edge,
/// values plain or quoted, lists as <c>[a, "b"]</c> or as <c>- item</c> lines, and comment lines.
/// It reads exactly what YAML means by those lines, and gives up (null) on anything else (escapes,
/// nested maps, multi-line values, anchors, tags, tabs, repeated keys), which then goes to the full
/// YAML parser. Its only purpose is speed: ingest reads the front matter of every file.
/// </summary>
internal static class SimpleFrontMatter
{
    /// <summary>Characters that make a plain YAML value mean something else when they come first.</summary>
    private const string Indicators = "[]{}&*!|>'\"%@`#,?:-";

    private static readonly System.Buffers.SearchValues<char> Unusual = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => (char.IsControl(c) && c != '\n') || char.IsSurrogate(c) || c == '\uFEFF').ToArray());

    /// <returns>The map, or null when the YAML is not of the simple kind (an empty document included).</returns>
    public static FrontMatterMap? TryParse(string yaml)
    {
        if (yaml.AsSpan().IndexOfAny(Unusual) >= 0)
        {
            return null; // tabs, control characters and surrogates: YAML has rules for each
        }

        var lines = yaml.Split('\n');
        var entries = new List<KeyValuePair<string, FrontMatterNode>>();
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd(' ');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !IsKey(line.AsSpan(0, colon)) || (colon + 1 < line.Length && line[colon + 1] != ' ') || !keys.Add(line[..colon]))
            {
                return null;
            }

            var value = line[(colon + 1)..].Trim(' ');
            FrontMatterNode? node;
            if (value.Length > 0)
            {
                node = value[0] == '[' ? FlowList(value, i + 1) : Scalar(value) is { } text ? new FrontMatterScalar(text, i + 1) : null;
            }
            else
            {
                node = BlockList(lines, ref i);
            }

            if (node is null)
            {
                return null;
            }

            entries.Add(KeyValuePair.Create(line[..colon], node));
        }

        return entries.Count == 0 ? null : new FrontMatterMap(entries, FirstKeyLine(lines));
    }

    private static int FirstKeyLine(string[] lines) => Array.FindIndex(lines, l => l.Length > 0 && l[0] != '#' && l[0] != ' ') + 1;

    private static bool IsKey(ReadOnlySpan<char> key) =>
        char.IsAsciiLetter(key[0]) && !key.ContainsAnyExcept(KeyCharacters);

    private static readonly System.Buffers.SearchValues<char> KeyCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");

    /// <summary>The <c>- item</c> lines after a key with no value, all at one indentation; null if there are none.</summary>
    private static FrontMatterList? BlockList(string[] lines, ref int keyLine)
    {
        var items = new List<FrontMatterNode>();
        var indent = -1;
        var first = 0;
        var next = keyLine + 1;
        for (; next < lines.Length; next++)
        {
            var line = lines[next].TrimEnd(' ');
            if (line.Length == 0)
            {
                continue;
            }

            var dash = line.Length - line.TrimStart(' ').Length;
            if (line[dash] != '-')
            {
                if (dash > 0)
                {
                    return null; // an indented line that is not an item: a nested or multi-line value
                }

                break;
            }

            if ((indent >= 0 && dash != indent) || line.Length < dash + 3 || line[dash + 1] != ' ' || Scalar(line[(dash + 2)..].TrimStart(' ')) is not { } item)
            {
                return null;
            }

            if (indent < 0)
            {
                (indent, first) = (dash, next + 1);
            }

            items.Add(new FrontMatterScalar(item, next + 1));
        }

        if (items.Count == 0)
        {
            return null; // "key:" alone is an empty value, whose position YAML reports its own way
        }

        keyLine = next - 1;
        return new FrontMatterList(items, first);
    }

    /// <summary><c>[a, "b", 'c']</c> on one line; null for anything nested or unusual.</summary>
    private static FrontMatterList? FlowList(string value, int line)
    {
        if (value[^1] != ']')
        {
            return null;
        }

        var inner = value[1..^1].Trim(' ');
        var items = new List<FrontMatterNode>();
        if (inner.Length == 0)
        {
            return new FrontMatterList(items, line);
        }

        var position = 0;
        while (position <= inner.Length)
        {
            var end = ItemEnd(inner, position);
            if (end < 0)
            {
                return null;
            }

            var item = inner[position..end].Trim(' ');
            if (item.Length == 0 || (item[0] is not ('"' or '\'') && (item.AsSpan().IndexOfAny("[]{}:") >= 0 || item.Contains(" #", StringComparison.Ordinal))) || Scalar(item) is not { } text)
            {
                return null;
            }

            items.Add(new FrontMatterScalar(text, line));
            position = end + 1;
        }

        return new FrontMatterList(items, line);
    }

    /// <summary>Where the flow item starting at <paramref name="start"/> ends (a comma or the end), skipping quoted commas.</summary>
    private static int ItemEnd(string inner, int start)
    {
        var i = start;
        while (i < inner.Length && inner[i] == ' ')
        {
            i++;
        }

        if (i < inner.Length && inner[i] is '"' or '\'')
        {
            var close = inner.IndexOf(inner[i], i + 1);
            if (close < 0)
            {
                return -1;
            }

            i = close + 1;
        }

        var comma = inner.IndexOf(',', i);
        return comma < 0 ? inner.Length : comma;
    }

    /// <summary>A plain or quoted value as YAML reads it; null when it is anything more.</summary>
    private static string? Scalar(string value)
    {
        switch (value[0])
        {
            case '"':
                return value.Length >= 2 && value[^1] == '"' && value.AsSpan(1, value.Length - 2).IndexOfAny('"', '\\') < 0 ? value[1..^1] : null;
            case '\'':
                if (value.Length < 2 || value[^1] != '\'')
                {
                    return null;
                }

                var inner = value[1..^1];
                return inner.Replace("''", "", StringComparison.Ordinal).Contains('\'', StringComparison.Ordinal) ? null : inner.Replace("''", "'", StringComparison.Ordinal);
            default:
                var plain = !Indicators.Contains(value[0], StringComparison.Ordinal)
                    && !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal) && value[^1] != ':';
                return plain ? value : null;
        }
    }
}
