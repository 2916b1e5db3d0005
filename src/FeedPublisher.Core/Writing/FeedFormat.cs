namespace FeedPublisher.Core.Writing;

/// <summary>
/// One format every feed is published in: everything the rest of the program needs to know about
/// it, so that the registry (<see cref="FeedFormats"/>) is the only list of formats.
/// </summary>
/// <param name="Label">The name people see in the OPML list and on the index page, e.g. "RSS".</param>
/// <param name="MediaType">The format's registered media type, e.g. "application/rss+xml".</param>
/// <param name="Writer">Renders a feed in this format; it also names the file.</param>
/// <param name="Rules">What a file of this format must satisfy (the <c>validate</c> command).</param>
/// <param name="HasArchive">Whether the main feed's history is also paged in this format (RFC 5005 archive pages).</param>
public sealed record FeedFormat(string Label, string MediaType, IFeedWriter Writer, IFeedRules Rules, bool HasArchive)
{
    /// <summary>The file name inside a feed's folder, e.g. "rss.xml". The writer's own, as it writes it into its self link.</summary>
    public string FileName => Writer.FileName;

    /// <summary>The Content-Type the server sends: every feed is written in UTF-8. Made once, not per request.</summary>
    public string ContentType { get; } = MediaType + "; charset=utf-8";
}
