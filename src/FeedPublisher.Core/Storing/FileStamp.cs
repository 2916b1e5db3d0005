namespace FeedPublisher.Core.Storing;

/// <summary>
/// What a stat says of a file, and whether its article is <see cref="Stale"/>: while the stamp
/// matches the file and the article is not stale, the file counts as unchanged.
/// </summary>
/// <param name="Stale">
/// The article was derived with other extraction settings than the store's reader holds today
/// (<see cref="Model.Article.DerivedWith"/>): its file is read and derived again, changed or not.
/// </param>
public readonly record struct FileStamp(long Length, DateTimeOffset LastWriteTime, bool Stale = false)
{
    /// <summary>Whether a file with this length and mtime can be skipped.</summary>
    public bool Matches(long length, DateTimeOffset lastWriteTime) => !Stale && Length == length && LastWriteTime == lastWriteTime;
}
