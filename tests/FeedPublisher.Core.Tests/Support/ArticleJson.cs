using System.Text.Encodings.Web;
using System.Text.Json;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Tests.Support;

/// <summary>An extracted article as readable, stable JSON for golden files.</summary>
public static class ArticleJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(Article article) => JsonSerializer.Serialize(new
    {
        article.Id,
        article.Title,
        article.Path,
        article.Summary,
        Sources = article.Sources.Select(s => new { s.Name, Url = s.Url.AbsoluteUri }),
        article.ContentHtml,
    }, Options) + "\n";
}
