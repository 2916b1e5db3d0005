namespace FeedPublisher.Core.Model;

/// <summary>
/// Marks an article whose body has not been rendered yet: ingest keeps only what every feed needs
/// to choose and order its articles (title, dates, names, categories), and the body (sanitized
/// HTML, summary, sources) is rendered from <see cref="SourcePath"/> the first time a feed shows
/// the article, then kept. <see cref="ContentHash"/> is the file's hash at ingest, so a body
/// rendered from a file edited since then is never stored under the old version.
/// </summary>
public sealed record PendingBody(string SourcePath, string ContentHash);
