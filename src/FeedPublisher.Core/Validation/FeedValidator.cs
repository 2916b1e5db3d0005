using System.IO.Compression;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using FeedPublisher.Core.Publishing;
using FeedPublisher.Core.Writing;
using FeedPublisher.Core.Writing.Rules;

namespace FeedPublisher.Core.Validation;

/// <summary>
/// Checks every file of a feed directory against the rules readers and validators apply: each
/// format's own (RSS 2.0, Atom 1.0, JSON Feed 1.1, OPML 2.0), well-formed XML parsed with DTDs
/// prohibited, UTF-8 without BOM, no empty elements, namespaces declared once on the root, self
/// links equal to where the file is published, and .gz siblings equal to their file.
/// </summary>
public sealed class FeedValidator(Uri? baseUrl)
{
    public IReadOnlyList<ValidationIssue> ValidateDirectory(string root, out int filesChecked)
    {
        var issues = new List<ValidationIssue>();
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            // Not the dot-folders (the publisher's private staging folder): no reader sees into them.
            .Where(f => !f.Split('/')[..^1].Any(folder => folder.StartsWith('.')))
            .Where(f => !Path.GetFileName(f).StartsWith('.') || Path.GetFileName(f).StartsWith(PublishState.TemporaryPrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var file in files)
        {
            issues.AddRange(ValidateFile(root, file).Select(message => new ValidationIssue(file, message)));
        }

        filesChecked = files.Count;
        return issues;
    }

    public IEnumerable<string> ValidateFile(string root, string relativePath)
    {
        var name = Path.GetFileName(relativePath);
        if (name.StartsWith(PublishState.TemporaryPrefix, StringComparison.Ordinal))
        {
            return ["a temporary file left by an interrupted publish (the next publish removes it)"];
        }

        var bytes = File.ReadAllBytes(Path.Combine(root, relativePath));
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            return CheckGzip(root, relativePath, bytes);
        }

        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return ["starts with a byte order mark"];
        }

        var self = baseUrl is null ? null : new Uri(baseUrl, relativePath).AbsoluteUri;
        try
        {
            // A feed file is judged by the rules of the format its name says it is (the registry's),
            // wherever it lies: archive pages are checked as their format too.
            return FeedFormats.Named(name) is { } format
                ? format.Rules.Check(bytes, self)
                : name switch
                {
                    IndexPageWriter.FileName => CheckIndex(bytes),
                    _ when name.EndsWith(".xml", StringComparison.Ordinal) || name.EndsWith(".opml", StringComparison.Ordinal) => CheckXml(name, bytes),
                    _ => [],
                };
        }
        catch (Exception e) when (e is XmlException or JsonException)
        {
            return [$"does not parse: {e.Message}"];
        }
    }

    /// <summary>An XML file of no feed format: the OPML list, or something this validator does not know.</summary>
    private static List<string> CheckXml(string name, byte[] bytes)
    {
        var document = XmlRules.Load(bytes);
        return
        [
            .. XmlRules.Check(document),
            .. document.Root!.Name.LocalName == "opml" ? CheckOpml(document) : [$"{name}: not a feed format this validator knows"],
        ];
    }

    private static IEnumerable<string> CheckOpml(XDocument document)
    {
        if ((string?)document.Root!.Attribute("version") != "2.0" || document.Root.Element("head")?.Element("title") is null)
        {
            yield return "OPML 2.0 needs version=\"2.0\" and a head/title";
        }

        foreach (var outline in document.Descendants("outline").Where(o => o.Attribute("xmlUrl") is not null))
        {
            if (!FeedRules.IsAbsoluteHttp((string?)outline.Attribute("xmlUrl")) || !FeedRules.IsAbsoluteHttp((string?)outline.Attribute("htmlUrl")))
            {
                yield return $"outline '{(string?)outline.Attribute("text")}' needs absolute xmlUrl and htmlUrl";
            }
        }
    }

    private static List<string> CheckIndex(byte[] bytes)
    {
        var html = System.Text.Encoding.UTF8.GetString(bytes);
        return html.Contains("<link rel=\"alternate\" type=\"application/rss+xml\"", StringComparison.Ordinal)
            ? []
            : ["no <link rel=\"alternate\" type=\"application/rss+xml\"> for feed discovery"];
    }

    private static IEnumerable<string> CheckGzip(string root, string relativePath, byte[] bytes)
    {
        var original = Path.Combine(root, relativePath[..^3]);
        if (!File.Exists(original))
        {
            return ["a .gz file without its uncompressed sibling"];
        }

        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        try
        {
            gzip.CopyTo(plain);
        }
        catch (InvalidDataException e)
        {
            return [$"not valid gzip: {e.Message}"];
        }

        return plain.ToArray().AsSpan().SequenceEqual(File.ReadAllBytes(original)) ? [] : ["differs from its uncompressed sibling"];
    }
}
