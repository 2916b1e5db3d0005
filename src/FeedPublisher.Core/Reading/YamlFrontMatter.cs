using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FeedPublisher.Core.Reading;

/// <summary>Front matter in any YAML, read by YamlDotNet; invalid YAML rejects the file with its line.</summary>
internal static class YamlFrontMatter
{
    /// <returns>Null for an empty document.</returns>
    public static FrontMatterMap? Parse(string yaml, int firstLine)
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
            return null;
        }

        return stream.Documents[0].RootNode is YamlMappingNode map
            ? (FrontMatterMap)Convert(map)
            : throw new ArticleRejectedException($"line {firstLine}: the front matter must be a set of 'key: value' lines");
    }

    internal static FrontMatterNode Convert(YamlNode node) => node switch
    {
        YamlScalarNode scalar => new FrontMatterScalar(scalar.Value, Line(node)),
        YamlSequenceNode sequence => new FrontMatterList(sequence.Children.Select(Convert).ToList(), Line(node)),
        YamlMappingNode mapping => new FrontMatterMap(mapping.Children
            .Where(pair => pair.Key is YamlScalarNode { Value: not null })
            .Select(pair => KeyValuePair.Create(((YamlScalarNode)pair.Key).Value!, Convert(pair.Value))).ToList(), Line(node)),
        _ => throw new ArticleRejectedException("the front matter holds a YAML node of an unknown kind"),
    };

    private static int Line(YamlNode node) => (int)node.Start.Line;
}
