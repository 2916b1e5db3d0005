using System.Text;
using HtmlAgilityPack;

namespace FeedPublisher.Core.Html;

/// <summary>The raw text below a node, collected without recursion (hostile nesting cannot overflow the stack).</summary>
public static class HtmlTextContent
{
    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "template", "noscript" };

    public static string Of(HtmlNode node)
    {
        var text = new StringBuilder();
        var pending = new Stack<HtmlNode>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current.NodeType == HtmlNodeType.Text)
            {
                text.Append(((HtmlTextNode)current).Text);
            }
            else if (IsInvisible(current))
            {
                continue;
            }

            for (var i = current.ChildNodes.Count - 1; i >= 0; i--)
            {
                pending.Push(current.ChildNodes[i]);
            }
        }

        return text.ToString();
    }

    /// <summary>An element whose content is not text for readers (script, style, template, noscript).</summary>
    public static bool IsInvisible(HtmlNode node) => node.NodeType == HtmlNodeType.Element && Invisible.Contains(node.Name);
}
