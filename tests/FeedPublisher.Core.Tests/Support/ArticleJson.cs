using System.Text.Encodings.Web;
using System.Text.Json;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Tests.Support;

/// <summary>An extracted article (or the reason it was rejected) as readable, stable JSON for golden files.</summary>
public static class ArticleJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(Article article)
    {
        var json = JsonSerializer.SerializeToNode(Fields(article), Options)!.AsObject();
        if (article.AuthorUrls.Count > 0)
        {
            // Only where an author has a page, so the golden files of every other article stay as they were.
            json.Insert(json.IndexOf("Authors") + 1, "AuthorUrls", JsonSerializer.SerializeToNode(
                article.Authors.Where(article.AuthorUrls.ContainsKey).ToDictionary(name => name, name => article.AuthorUrls[name].AbsoluteUri), Options));
        }

        if (article.Attachments.Count > 0)
        {
            // Likewise only where the file gave some (issue 17).
            json.Insert(json.IndexOf("Image") + 1, "Attachments", JsonSerializer.SerializeToNode(
                article.Attachments.Select(a => new { Url = a.Url.AbsoluteUri, a.MediaType, a.Length, a.Duration, a.Title }), Options));
        }

        return json.ToJsonString(Options) + "\n";
    }

    private static object Fields(Article article) => new
    {
        article.Id,
        article.Title,
        article.Path,
        Url = article.Url?.AbsoluteUri,
        Published = article.Published.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        Updated = article.Updated.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        article.Authors,
        article.Categories,
        article.Language,
        Image = article.Image?.AbsoluteUri,
        Origin = article.Origin is { } o ? new { o.Name, Url = o.Url.AbsoluteUri } : null,
        article.Summary,
        Sources = article.Sources.Select(s => new { s.Name, Url = s.Url.AbsoluteUri }),
        article.ContentHtml,
    };

    public static string Rejected(string reason) => JsonSerializer.Serialize(new { Rejected = reason }, Options) + "\n";
}
