using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Writing;

/// <summary>Renders a feed in one format. The same document always gives the same bytes.</summary>
public interface IFeedWriter
{
    /// <summary>The file name of this format inside a feed's folder, e.g. "rss.xml".</summary>
    string FileName { get; }

    /// <summary>Writes the feed to <paramref name="output"/>, which it neither keeps nor closes.</summary>
    void Write(FeedDocument feed, Stream output);
}

public static class FeedWriterExtensions
{
    /// <summary>The feed's bytes, as an array of their own (a publish stages them from a buffer instead: <see cref="Publishing.FeedRenderer"/>).</summary>
    public static byte[] Render(this IFeedWriter writer, FeedDocument feed) => ThreadBuffer.Collect(output => writer.Write(feed, output));
}
