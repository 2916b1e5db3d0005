using FeedPublisher.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FeedPublisher.Core.Reading;

/// <summary>
/// Front matter in any YAML, read by YamlDotNet; invalid YAML rejects the file with its line.
/// YAML lets a few hundred bytes stand for billions of values (aliases of aliases) and nest without
/// end, so both are bounded, while parsing (<see cref="BoundedYamlParser"/>) and while aliases are
/// expanded (<see cref="Convert"/>), and the file is rejected with the line and the limit.
/// </summary>
internal static class YamlFrontMatter
{
    /// <summary>Lists and maps inside each other; front matter needs two (sources: - name, url).</summary>
    public const int MaxDepth = 32;

    /// <summary>Values (scalars, lists and maps), counted as written and again with every alias expanded.</summary>
    public const int MaxNodes = 10_000;

    /// <returns>Null for an empty document.</returns>
    public static FrontMatterMap? Parse(string yaml, int firstLine)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new BoundedYamlParser(new Parser(new StringReader(yaml)), firstLine));
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
            ? (FrontMatterMap)new Converter(firstLine).Convert(map, depth: 1)
            : throw new ArticleRejectedException($"line {firstLine}: the front matter must be a set of 'key: value' lines");
    }

    /// <summary>
    /// YamlDotNet's nodes to ours. An alias is the very node it names, so a walk expands it: the
    /// walk counts every node it makes and how deep it is, and stops at the limits.
    /// </summary>
    private sealed class Converter(int firstLine)
    {
        private int _nodes;

        public FrontMatterNode Convert(YamlNode node, int depth)
        {
            if (++_nodes > MaxNodes)
            {
                throw Rejected(node, $"the front matter expands its aliases (*name) to more than {MaxNodes:N0} values");
            }

            if (depth > MaxDepth)
            {
                throw Rejected(node, $"the front matter nests lists and maps more than {MaxDepth} deep once its aliases (*name) are expanded");
            }

            return node switch
            {
                YamlScalarNode scalar => new FrontMatterScalar(scalar.Value, Line(node)),
                YamlSequenceNode sequence => new FrontMatterList(sequence.Children.Select(child => Convert(child, depth + 1)).ToList(), Line(node)),
                YamlMappingNode mapping => new FrontMatterMap(mapping.Children
                    .Where(pair => pair.Key is YamlScalarNode { Value: not null })
                    .Select(pair => KeyValuePair.Create(((YamlScalarNode)pair.Key).Value!, Convert(pair.Value, depth + 1))).ToList(), Line(node)),
                _ => throw new ArticleRejectedException("the front matter holds a YAML node of an unknown kind"),
            };
        }

        private ArticleRejectedException Rejected(YamlNode node, string reason) => new($"line {firstLine - 1 + Line(node)}: {reason}");
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;
}
