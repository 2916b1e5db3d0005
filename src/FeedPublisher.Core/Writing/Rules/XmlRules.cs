using System.Xml;
using System.Xml.Linq;

namespace FeedPublisher.Core.Writing.Rules;

/// <summary>What every XML file we publish must be, whatever its format (the OPML list too).</summary>
internal static class XmlRules
{
    // A file under judgement may be hostile: no DTD, so no entity expansion and nothing fetched.
    private static readonly XmlReaderSettings Secure = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    /// <summary>Parses the file with DTDs prohibited; throws <see cref="XmlException"/> when it is not well-formed.</summary>
    public static XDocument Load(byte[] file)
    {
        using var reader = XmlReader.Create(new MemoryStream(file), Secure);
        return XDocument.Load(reader);
    }

    /// <summary>No empty elements, and namespaces declared once on the root.</summary>
    public static IEnumerable<string> Check(XDocument document)
    {
        foreach (var element in FeedRules.EmptyElements(document).Distinct())
        {
            yield return $"an empty <{element}> element";
        }

        if (FeedRules.HasNestedNamespaceDeclarations(document))
        {
            yield return "namespaces are declared below the root element";
        }
    }
}
