using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FeedPublisher.Core.Reading;

/// <summary>
/// YAML front matter: a block between two <c>---</c> lines at the very top of any article file.
/// The keys of DESIGN.md's contract are read; other keys are ignored. A block that is not valid
/// YAML, or a key with a value of the wrong kind, rejects the file with the line it is on.
/// </summary>
public static class FrontMatter
{
    /// <summary>Splits off the front matter; the body keeps its line count, so later line numbers stay true.</summary>
    public static (ArticleMetadata Metadata, string Body) Split(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            return (ArticleMetadata.Empty, text);
        }

        var end = Array.FindIndex(lines, 1, line => line.TrimEnd() is "---" or "...");
        if (end < 0)
        {
            throw new ArticleRejectedException("line 1: the front matter opened by '---' is never closed by another '---'");
        }

        var yaml = string.Join('\n', lines[1..end]);
        var body = new string('\n', end + 1) + string.Join('\n', lines[(end + 1)..]);
        return (Parse(yaml, firstLine: 2), body);
    }

    private static ArticleMetadata Parse(string yaml, int firstLine)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ArticleRejectedException($"line {firstLine - 1 + (int)e.Start.Line}: the front matter is not valid YAML: {e.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, without a position, on some unclosed flow collections.
            var lastLine = firstLine + yaml.Count(c => c == '\n');
            throw new ArticleRejectedException($"lines {firstLine}-{lastLine}: the front matter is not valid YAML (an unclosed [ or {{?)");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return ArticleMetadata.Empty;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            throw new ArticleRejectedException($"line {firstLine}: the front matter must be a set of 'key: value' lines");
        }

        return MetadataKeys.Read(new YamlKeys(map, firstLine));
    }
}
