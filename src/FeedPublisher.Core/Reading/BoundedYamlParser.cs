using FeedPublisher.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace FeedPublisher.Core.Reading;

/// <summary>
/// Hands YamlDotNet's loader the events of the front matter while bounding them: YamlDotNet loads
/// by recursion (a thousand nested <c>[</c> overflow the stack, which kills the process) and
/// hashes mapping keys whole (a key built of aliases expands them). So nesting deeper than
/// <see cref="YamlFrontMatter.MaxDepth"/>, more than <see cref="YamlFrontMatter.MaxNodes"/> nodes,
/// and any key that is not a plain value reject the file before the loader sees them.
/// </summary>
internal sealed class BoundedYamlParser(IParser inner, int firstLine) : IParser
{
    /// <summary>Per open collection: whether it is a mapping, and whether its next node is a key.</summary>
    private readonly Stack<(bool Mapping, bool ExpectKey)> _open = new();
    private int _nodes;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        switch (inner.Current)
        {
            case SequenceEnd or MappingEnd:
                _open.Pop();
                NodeDone();
                break;
            case NodeEvent or AnchorAlias:
                var node = inner.Current;
                Check(node);
                if (node is SequenceStart or MappingStart)
                {
                    _open.Push((node is MappingStart, node is MappingStart));
                }
                else
                {
                    NodeDone();
                }

                break;
        }

        return true;
    }

    /// <param name="node">A node's event: a scalar, an alias, or the start of a list or map.</param>
    private void Check(ParsingEvent node)
    {
        if (_open.TryPeek(out var parent) && parent is { Mapping: true, ExpectKey: true } && node is not Scalar)
        {
            throw Rejected(node, "the front matter has a key that is not a plain value (a list, a map or an alias)");
        }

        if (++_nodes > YamlFrontMatter.MaxNodes)
        {
            throw Rejected(node, $"the front matter holds more than {YamlFrontMatter.MaxNodes:N0} values");
        }

        if (node is SequenceStart or MappingStart && _open.Count >= YamlFrontMatter.MaxDepth)
        {
            throw Rejected(node, $"the front matter nests lists and maps more than {YamlFrontMatter.MaxDepth} deep");
        }
    }

    /// <summary>A whole node was read: in a mapping, keys and values take turns.</summary>
    private void NodeDone()
    {
        if (_open.TryPop(out var parent))
        {
            _open.Push(parent with { ExpectKey = parent.Mapping && !parent.ExpectKey });
        }
    }

    private ArticleRejectedException Rejected(ParsingEvent at, string reason) => new($"line {firstLine - 1 + (int)at.Start.Line}: {reason}");
}
