namespace FeedPublisher.Core.Reading;

/// <summary>
/// A file given with an article, as its keys said it (<see cref="AttachmentKeys"/>): the URL
/// passed the allowlist but may be relative; the type is null when not given or not a media type.
/// Extraction makes it a <see cref="Model.MediaAttachment"/>.
/// </summary>
public sealed record GivenAttachment(Uri Url, string? MediaType, long? Length, long? Duration, string? Title);
