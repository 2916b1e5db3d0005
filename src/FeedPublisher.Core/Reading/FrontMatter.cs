using FeedPublisher.Core.Model;


namespace FeedPublisher.Core.Reading;

/// <summary>
/// YAML front matter: a block between two <c>---</c> lines at the very top of any article file.
/// The article keys (README, "Stored articles") are read; other keys are noted as unknown
/// (<see cref="KnownArticleKeys"/>), for a warning, and otherwise ignored. A block that is not valid
/// YAML, or a key with a value of the wrong kind, rejects the file with the line it is on.
/// </summary>
public static class FrontMatter
{
    /// <summary>
    /// Characters of YAML; front matter is a few hundred. The YAML parser is a hundred times slower
    /// than reading a body, so a file cannot make it the bulk of its work.
    /// </summary>
    public const int MaxLength = 100_000;

    private static readonly System.Buffers.SearchValues<char> LineEndings = System.Buffers.SearchValues.Create("\r\n\f\u0085\u2028\u2029");

    /// <summary>The line endings other than '\n' that <see cref="string.ReplaceLineEndings()"/> replaces.</summary>
    private static readonly System.Buffers.SearchValues<char> OtherLineEndings = System.Buffers.SearchValues.Create("\r\f\u0085\u2028\u2029");

    /// <summary>Splits off the front matter; the body keeps its line count, so later line numbers stay true.</summary>
    public static (ArticleMetadata Metadata, string Body) Split(string text)
    {
        if (Locate(text) is not var (yaml, bodyStart, bodyLine))
        {
            return (ArticleMetadata.Empty, text);
        }

        var body = text.AsSpan(bodyStart);
        // One copy of the body, not three, when its lines already end in '\n' (as nearly all do).
        return (Parse(yaml, firstLine: 2), body.ContainsAny(OtherLineEndings)
            ? new string('\n', bodyLine - 1) + body.ToString().ReplaceLineEndings("\n")
            : string.Create(bodyLine - 1 + body.Length, (text, bodyStart), static (span, state) =>
            {
                var lines = span.Length - (state.text.Length - state.bodyStart);
                span[..lines].Fill('\n');
                state.text.AsSpan(state.bodyStart).CopyTo(span[lines..]);
            }));
    }

    /// <summary>The front matter alone, without touching the body: what a header-only read needs.</summary>
    public static ArticleMetadata Read(string text) =>
        Locate(text) is var (yaml, _, _) ? Parse(yaml, firstLine: 2) : ArticleMetadata.Empty;

    /// <summary>
    /// The YAML between the opening and closing lines, where the body starts, and the body's first
    /// line number; null without front matter. Lines end where <see cref="string.ReplaceLineEndings()"/> says.
    /// </summary>
    private static (string Yaml, int BodyStart, int BodyLine)? Locate(string text)
    {
        var (end, next) = NextLine(text, 0);
        if (text.AsSpan(0, end).TrimEnd() is not "---")
        {
            return null;
        }

        var yamlStart = next;
        var yamlEnd = next;
        var line = 1;
        while (next < text.Length)
        {
            var start = next;
            (end, next) = NextLine(text, start);
            line++;
            if (text.AsSpan(start, end - start).TrimEnd() is "---" or "...")
            {
                return (text[yamlStart..yamlEnd].ReplaceLineEndings("\n"), next, line + 1);
            }

            yamlEnd = end;
        }

        throw new ArticleRejectedException("line 1: the front matter opened by '---' is never closed by another '---'");
    }

    /// <summary>Where the line starting at <paramref name="start"/> ends (before its line ending) and where the next one starts.</summary>
    private static (int End, int Next) NextLine(string text, int start)
    {
        var found = text.AsSpan(start).IndexOfAny(LineEndings);
        if (found < 0)
        {
            return (text.Length, text.Length);
        }

        var end = start + found;
        return (end, end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1));
    }

    /// <summary>
    /// The common shapes (<c>key: value</c>, quoted values, lists) are read by a small parser; any
    /// other YAML goes to YamlDotNet, which is a hundred times slower and the authority on errors.
    /// </summary>
    private static ArticleMetadata Parse(string yaml, int firstLine)
    {
        if (yaml.Length > MaxLength)
        {
            var lastLine = firstLine + yaml.AsSpan().Count('\n');
            throw new ArticleRejectedException($"lines {firstLine}-{lastLine}: the front matter is {yaml.Length:N0} characters long, over the limit of {MaxLength:N0}");
        }

        return (SimpleFrontMatter.TryParse(yaml) ?? YamlFrontMatter.Parse(yaml, firstLine)) is { } map
            ? MetadataKeys.Read(new FrontMatterKeys(map, firstLine)) with { UnknownKeys = KnownArticleKeys.UnknownAmong(map.Entries.Select(entry => entry.Key)) }
            : ArticleMetadata.Empty;
    }
}
