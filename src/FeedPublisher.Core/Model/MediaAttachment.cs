namespace FeedPublisher.Core.Model;

/// <summary>
/// A file that goes with an article (a podcast episode, a video, a PDF): RSS <c>enclosure</c>,
/// Atom <c>link rel="enclosure"</c>, JSON Feed <c>attachments</c>. <see cref="Url"/> is absolute
/// and passed the URL policy; <see cref="MediaType"/> is the one given or the one its extension
/// says (<see cref="MediaTypes"/>); <see cref="Length"/> (bytes) and <see cref="Duration"/>
/// (seconds) are null when the file did not say: we never fetch media to measure it.
/// </summary>
public sealed record MediaAttachment(Uri Url, string MediaType, long? Length = null, long? Duration = null, string? Title = null);
