using System.Xml;

namespace FeedPublisher.Core.Writing;

/// <summary>
/// Stands between Syndication and the output writer and moves every namespace declaration to the
/// root, with the prefixes readers expect: Syndication declares namespaces where it first meets
/// them, and as "a10". Everything else passes straight through, so a feed is written in one pass
/// instead of being built as an XDocument, corrected and saved (which cost as much again as
/// Syndication's own writing).
/// </summary>
internal class RootNamespacesXmlWriter(XmlWriter output, IReadOnlyList<(string Prefix, string Namespace)> namespaces) : XmlWriter
{
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    private int _depth;
    private bool _rootTagOpen;
    private string? _rootDefaultNamespace;
    private bool _inAttribute;
    private bool _droppingAttribute;

    /// <summary>How many elements are open: 1 inside the root.</summary>
    protected int Depth => _depth;

    /// <summary>Whether text now written is an attribute's value.</summary>
    protected bool InAttribute => _inAttribute;

    public override WriteState WriteState => output.WriteState;

    public override void WriteStartElement(string? prefix, string localName, string? ns)
    {
        DeclareOnRoot();
        prefix = PrefixFor(ns) ?? prefix;
        output.WriteStartElement(prefix, localName, ns);
        if (_depth == 0)
        {
            _rootTagOpen = true;
            _rootDefaultNamespace = string.IsNullOrEmpty(prefix) && !string.IsNullOrEmpty(ns) ? ns : null;
        }

        _depth++;
    }

    public override void WriteStartAttribute(string? prefix, string localName, string? ns)
    {
        // Every declaration goes but the root's default namespace (Atom's own).
        var isDeclaration = ns == XmlnsNamespace || prefix == "xmlns" || (localName == "xmlns" && string.IsNullOrEmpty(prefix));
        _inAttribute = true;
        _droppingAttribute = isDeclaration && !(_depth == 1 && localName == "xmlns");
        if (isDeclaration && !_droppingAttribute)
        {
            _rootDefaultNamespace = null; // declared by Syndication itself
        }

        if (!_droppingAttribute)
        {
            output.WriteStartAttribute(PrefixFor(ns) ?? prefix, localName, ns);
        }
    }

    public override void WriteEndAttribute()
    {
        if (!_droppingAttribute)
        {
            output.WriteEndAttribute();
        }

        _inAttribute = _droppingAttribute = false;
    }

    public override void WriteString(string? text)
    {
        if (_droppingAttribute)
        {
            return;
        }

        DeclareOnRoot();
        output.WriteString(text);
    }

    public override void WriteEndElement()
    {
        DeclareOnRoot();
        output.WriteEndElement();
        _depth--;
    }

    public override void WriteFullEndElement()
    {
        DeclareOnRoot();
        output.WriteFullEndElement();
        _depth--;
    }

    public override void WriteStartDocument() => output.WriteStartDocument();

    public override void WriteStartDocument(bool standalone) => output.WriteStartDocument(standalone);

    public override void WriteEndDocument() => output.WriteEndDocument();

    public override void WriteCData(string? text) => Content(() => output.WriteCData(text));

    public override void WriteComment(string? text) => Content(() => output.WriteComment(text));

    public override void WriteProcessingInstruction(string name, string? text) => Content(() => output.WriteProcessingInstruction(name, text));

    public override void WriteEntityRef(string name) => Content(() => output.WriteEntityRef(name));

    public override void WriteCharEntity(char ch) => Content(() => output.WriteCharEntity(ch));

    public override void WriteWhitespace(string? ws) => Content(() => output.WriteWhitespace(ws));

    public override void WriteSurrogateCharEntity(char lowChar, char highChar) => Content(() => output.WriteSurrogateCharEntity(lowChar, highChar));

    public override void WriteChars(char[] buffer, int index, int count) => Content(() => output.WriteChars(buffer, index, count));

    public override void WriteRaw(char[] buffer, int index, int count) => Content(() => output.WriteRaw(buffer, index, count));

    public override void WriteRaw(string data) => Content(() => output.WriteRaw(data));

    public override void WriteBase64(byte[] buffer, int index, int count) => Content(() => output.WriteBase64(buffer, index, count));

    public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) =>
        throw new NotSupportedException("Feeds carry no document type.");

    public override void Flush() => output.Flush();

    public override string? LookupPrefix(string ns) => output.LookupPrefix(ns);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            output.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Content(Action write)
    {
        if (!_droppingAttribute)
        {
            DeclareOnRoot();
            write();
        }
    }

    /// <summary>Adds the declarations once, as the last attributes of the root's start tag.</summary>
    private void DeclareOnRoot()
    {
        if (!_rootTagOpen || _inAttribute)
        {
            return;
        }

        _rootTagOpen = false;
        if (_rootDefaultNamespace is not null)
        {
            // Written out first, or the writer would add it after ours.
            output.WriteAttributeString("xmlns", _rootDefaultNamespace);
        }

        foreach (var (prefix, ns) in namespaces)
        {
            output.WriteAttributeString("xmlns", prefix, null, ns);
        }
    }

    private string? PrefixFor(string? ns)
    {
        foreach (var (prefix, declared) in namespaces)
        {
            if (declared == ns)
            {
                return prefix;
            }
        }

        return null;
    }
}
