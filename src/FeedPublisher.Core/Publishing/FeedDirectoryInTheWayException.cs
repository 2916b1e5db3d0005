namespace FeedPublisher.Core.Publishing;

/// <summary>
/// Something in the feed directory stands where a publish must write or remove a file: a folder
/// on the way that is a symbolic link, or a folder at a file's path. Found while the publish
/// stages, before anything moves, so the published set stays as it was; the message names the
/// path and what to do, which is all an operator needs (no stack trace).
/// </summary>
public sealed class FeedDirectoryInTheWayException : IOException
{
    public FeedDirectoryInTheWayException()
    {
    }

    public FeedDirectoryInTheWayException(string message)
        : base(message)
    {
    }

    public FeedDirectoryInTheWayException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
