using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Writing;

/// <summary>Renders a feed in one format. The same document always gives the same bytes.</summary>
public interface IFeedWriter
{
    /// <summary>The file name of this format inside a feed's folder, e.g. "rss.xml".</summary>
    string FileName { get; }

    byte[] Render(FeedDocument feed);
}
