namespace FeedPublisher.Core.Writing;

/// <summary>
/// What readers and validators demand of one format's files. It lives beside the writers, not in
/// Validation, because the format registry (<see cref="FeedFormats"/>) names each format's rules
/// and the writers' OPML and index page read that registry: Validation sits above Writing.
/// </summary>
public interface IFeedRules
{
    /// <summary>
    /// The problems of one file of this format, none when it is valid. Throws
    /// <see cref="System.Xml.XmlException"/> or <see cref="System.Text.Json.JsonException"/> when
    /// the file does not parse.
    /// </summary>
    /// <param name="file">The file's bytes.</param>
    /// <param name="expectedSelf">The URL the file is published at, which its self link must name; null when unknown.</param>
    IReadOnlyList<string> Check(byte[] file, string? expectedSelf);
}
