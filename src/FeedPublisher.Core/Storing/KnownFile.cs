namespace FeedPublisher.Core.Storing;

/// <summary>
/// A file the store already holds, with the article it became, that article's first publication
/// and last update, and whether it is <see cref="Stale"/>.
/// </summary>
/// <param name="Stale">Its article was derived with other extraction settings than today's (see <see cref="FileStamp.Stale"/>).</param>
public sealed record KnownFile(ArticleFile File, string ArticleId, DateTimeOffset Published, DateTimeOffset Updated, bool Stale = false)
{
    /// <summary>Whether a file with this length and mtime can be skipped: the rule of <see cref="FileStamp.Matches"/>.</summary>
    public bool Matches(long length, DateTimeOffset lastWriteTime) => new FileStamp(File.Length, File.LastWriteTime, Stale).Matches(length, lastWriteTime);
}
