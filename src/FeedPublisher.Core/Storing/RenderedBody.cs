using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Storing;

/// <summary>
/// An article's body, rendered from the file version whose hash is <see cref="ContentHash"/>; the
/// store keeps it only while it still holds that version. Beside the body, what the extraction
/// settings <see cref="DerivedWith"/> also shape in the header: the address, the outlet and the image.
/// </summary>
public sealed record RenderedBody(
    string Id, string ContentHash, string Summary, string ContentHtml, IReadOnlyList<SourceLink> Sources,
    Uri? Url = null, SourceLink? Origin = null, Uri? Image = null, string? DerivedWith = null)
{
    /// <summary>The body of a rendered article, from the file version <paramref name="contentHash"/>.</summary>
    public static RenderedBody Of(Article article, string contentHash) =>
        new(article.Id, contentHash, article.Summary, article.ContentHtml, article.Sources, article.Url, article.Origin, article.Image, article.DerivedWith);
}
