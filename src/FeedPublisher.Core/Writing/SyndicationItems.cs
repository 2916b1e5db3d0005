using System.ServiceModel.Syndication;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Writing;

/// <summary>What RSS and Atom items share; each writer adds its format's own elements.</summary>
internal static class SyndicationItems
{
    public static SyndicationItem Create(FeedEntry entry)
    {
        var article = entry.Article;
        var item = new SyndicationItem
        {
            Id = entry.Id,
            Title = new TextSyndicationContent(article.Title),
            Summary = new TextSyndicationContent(article.Summary),
            PublishDate = article.Published,
            LastUpdatedTime = article.Updated,
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(entry.Link, "text/html"));
        foreach (var source in article.Sources)
        {
            item.Links.Add(new SyndicationLink(source.Url, "related", source.Name, mediaType: null, length: 0));
        }

        if (article.Origin is { } origin)
        {
            // Written as RSS <source url="..."> and Atom <source>: where a syndicated story came from.
            // Atom's source needs id, title, updated and a link (RFC 4287 4.2.11, as the W3C
            // validator reads it). We do not know when the origin's feed last changed; the
            // article's own update date is a stable stand-in, so a publish gives the same bytes.
            var sourceFeed = new SyndicationFeed
            {
                Title = new TextSyndicationContent(origin.Name),
                Id = origin.Url.AbsoluteUri,
                LastUpdatedTime = article.Updated,
            };
            sourceFeed.Links.Add(SyndicationLink.CreateAlternateLink(origin.Url));
            item.SourceFeed = sourceFeed;
        }

        foreach (var category in article.Categories)
        {
            item.Categories.Add(new SyndicationCategory(category));
        }

        return item;
    }
}
