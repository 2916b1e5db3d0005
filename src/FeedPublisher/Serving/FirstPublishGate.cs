using FeedPublisher.Core.Publishing;

namespace FeedPublisher.Serving;

/// <summary>
/// Whether a file the server cannot find is missing for good (404) or not written yet (503 with
/// Retry-After): the latter while <c>run</c>'s first publish has not finished and the feed
/// directory holds no finished publish either. A 404 tells aggregators the feed is gone, and some
/// drop the subscription; a 503 with Retry-After tells them to come back.
/// </summary>
/// <remarks>
/// Files already in the directory (a restart) are served as usual meanwhile: each is whole, from
/// the last publish. The directory's own publish key counts as "published" so that a cluster node
/// whose turn never comes (another node publishes) does not answer 503 for good.
/// </remarks>
public sealed class FirstPublishGate(PublishStatus status, bool publishing, string feedDirectory)
{
    /// <summary>A first publish of a small folder takes about two seconds; a client coming back sooner finds it still starting.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private readonly string _publishKey = Path.Combine(feedDirectory, PublishState.PublishKeyFile);
    private volatile bool _open = !publishing;

    /// <summary>True while nothing has been published yet; once false, it stays false.</summary>
    public bool IsStarting
    {
        get
        {
            if (_open)
            {
                return false;
            }

            _open = status.Last is not null || File.Exists(_publishKey);
            return !_open;
        }
    }
}
