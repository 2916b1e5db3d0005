using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Storing;

/// <summary>
/// An article's body, rendered from the file version whose hash is <see cref="ContentHash"/>; the
/// store keeps it only while it still holds that version.
/// </summary>
public sealed record RenderedBody(string Id, string ContentHash, string Summary, string ContentHtml, IReadOnlyList<SourceLink> Sources);
