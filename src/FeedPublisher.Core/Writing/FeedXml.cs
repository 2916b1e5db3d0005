using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace FeedPublisher.Core.Writing;

/// <summary>
/// The fixed XML settings that make output byte-stable (UTF-8 without BOM, '\n', two-space
/// indent), and the round trip through an <see cref="XDocument"/> that lets writers correct what
/// Syndication gets wrong before any byte is written.
/// </summary>
internal static class FeedXml
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
        NamespaceHandling = NamespaceHandling.OmitDuplicates,
        CheckCharacters = true,
    };

    public static XDocument ToDocument(SyndicationFeedFormatter formatter)
    {
        var document = new XDocument();
        using (var writer = document.CreateWriter())
        {
            formatter.WriteTo(writer);
        }

        return document;
    }

    public static byte[] ToBytes(XDocument document)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            document.Save(writer);
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>
    /// Replaces every namespace declaration with one set on the root, with the prefixes readers
    /// expect: Syndication declares namespaces where it first meets them, and as "a10".
    /// </summary>
    public static void DeclareNamespacesOnRoot(XDocument document, params (string Prefix, XNamespace Namespace)[] namespaces)
    {
        // Every declaration goes but the root's default namespace (Atom's own).
        document.Descendants().Attributes().Where(a => a.IsNamespaceDeclaration && (a.Parent != document.Root || a.Name.LocalName != "xmlns")).Remove();
        foreach (var (prefix, ns) in namespaces)
        {
            document.Root!.Add(new XAttribute(XNamespace.Xmlns + prefix, ns.NamespaceName));
        }
    }

    /// <summary>RFC 822 with "GMT", which every validator accepts (Syndication writes a bare "Z").</summary>
    public static string Rfc822(DateTimeOffset date) =>
        date.UtcDateTime.ToString("ddd, dd MMM yyyy HH':'mm':'ss 'GMT'", CultureInfo.InvariantCulture);
}
