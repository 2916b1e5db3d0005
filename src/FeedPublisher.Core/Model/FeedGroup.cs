namespace FeedPublisher.Core.Model;

/// <summary>How feeds are grouped for people (the OPML outline and the index page).</summary>
public enum FeedGroup
{
    Main,
    Named,
    Category,
    Author,
}
