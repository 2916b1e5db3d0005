using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace FeedPublisher.Core.Writing;

/// <summary>
/// The fixed XML settings that make output byte-stable (UTF-8 without BOM, '\n', two-space
/// indent), shared by every XML writer.
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

    /// <summary>
    /// Writes a feed in one pass, through <paramref name="correct"/> when given: a writer that
    /// mends on the way what Syndication gets wrong.
    /// </summary>
    public static void Write(Stream output, SyndicationFeedFormatter formatter, Func<XmlWriter, XmlWriter>? correct = null) => Write(output, writer =>
    {
        writer.WriteStartDocument();
        formatter.WriteTo(writer);
        writer.WriteEndDocument();
    }, correct);

    public static byte[] ToBytes(XDocument document) => ThreadBuffer.Collect(output => Write(output, document.Save));

    /// <summary>Writes the document <paramref name="write"/> writes, with the fixed settings and a final newline.</summary>
    private static void Write(Stream output, Action<XmlWriter> write, Func<XmlWriter, XmlWriter>? correct = null)
    {
        var xml = XmlWriter.Create(output, Settings);
        using (var writer = correct is null ? xml : correct(xml))
        {
            write(writer);
        }

        output.WriteByte((byte)'\n');
    }

    /// <summary>RFC 822 with "GMT", which every validator accepts (Syndication writes a bare "Z").</summary>
    public static string Rfc822(DateTimeOffset date) =>
        date.UtcDateTime.ToString("ddd, dd MMM yyyy HH':'mm':'ss 'GMT'", CultureInfo.InvariantCulture);
}
