using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FeedPublisher.Core.Html;
using FeedPublisher.Core.Text;

namespace FeedPublisher.IntegrationTests.Hostile;

/// <summary>What a reader must see of one article of the corpus; a null field is only compared across formats.</summary>
public sealed record HostileArticle(string Tag, string? Title, string? Summary, string? Author, string? Category, bool UrlKeys = false);

/// <summary>
/// Writes every vector into every input format and every field of it: a .txt title and body, front
/// matter's text keys, URL keys and a hostile key name, a Markdown body and heading, JSON's keys
/// and both bodies, a JSON Feed document's item, an HTML page's head (title, Open Graph, author, tags, canonical, image) and body.
/// Each article's title starts with a tag ("V012-md") that says which vector and placement it holds.
/// </summary>
public static class HostileCorpus
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<HostileArticle> Write(string folder, IReadOnlyList<string> vectors)
    {
        foreach (var sub in new[] { "txt", "md", "json", "html" })
        {
            Directory.CreateDirectory(Path.Combine(folder, sub));
        }

        var expected = new List<HostileArticle>();
        for (var i = 0; i < vectors.Count; i++)
        {
            expected.AddRange(WriteOne(folder, $"V{i:D3}", i, vectors[i]));
        }

        return expected;
    }

    private static IEnumerable<HostileArticle> WriteOne(string folder, string tag, int number, string v)
    {
        var author = $"A{number} {v}";
        var category = $"C{number} {v}";
        var summary = $"{tag} summary: {v}";
        var lead = $"{v} According to Reuters, officials said on Monday that the plan would go ahead.";
        var more = $"A second paragraph mentions {v} again, with more words for readers.";

        Write(folder, $"txt/{tag}.txt", $"{tag}-txt: {OneLine(v)}\n\n{lead}\n\n{more}\n");
        yield return new HostileArticle($"{tag}-txt", Clean($"{tag}-txt: {OneLine(v)}"), null, null, null);

        Write(folder, $"md/{tag}-fm.md", $"""
            ---
            id: "{tag}-md"
            title: {Y($"{tag}-md: {v}")}
            summary: {Y(summary)}
            author: {Y(author)}
            categories: [{Y(category)}]
            source: {Y(v)}
            sources:
              - name: {Y(v)}
                url: "https://example.org/source/{number}"
            {Y("k" + v)}: "a hostile key name"
            ---

            {lead}

            {more}

            """);
        yield return new HostileArticle($"{tag}-md", Clean($"{tag}-md: {v}"), ShortEnough(summary), Clean(author), Clean(category));

        // No front matter: the title is the Markdown heading, the summary comes from the body.
        Write(folder, $"md/{tag}-body.md", $"# {tag}-mdbody: {OneLine(v)}\n\n{v}\n\n{lead}\n\n{more}\n");
        yield return new HostileArticle($"{tag}-mdbody", null, null, null, null);

        Write(folder, $"md/{tag}-urls.md", $"""
            ---
            title: "{tag}-mdurls"
            url: {Y(v)}
            source_url: {Y(v)}
            image: {Y(v)}
            sources:
              - {Y(v)}
              - name: "Named"
                url: {Y(v)}
            enclosure: {Y(v)}
            audio: [{Y(v)}]
            attachments:
              - url: {Y(v)}
                mime_type: {Y(v)}
                title: {Y(v)}
            ---

            The body of an article whose URL keys hold the vector, according to Reuters.

            """);
        yield return new HostileArticle($"{tag}-mdurls", $"{tag}-mdurls", null, null, null, UrlKeys: true);

        WriteJson(folder, $"json/{tag}.json", new Dictionary<string, object>
        {
            ["id"] = $"{tag}-json", ["title"] = $"{tag}-json: {v}", ["author"] = author, ["categories"] = new[] { category }, ["source"] = v,
            ["sources"] = new object[] { new Dictionary<string, string> { ["name"] = v, ["url"] = $"https://example.org/source/{number}" } },
            ["body_text"] = $"{lead}\n\n{more}", ["k" + v] = "a hostile key name",
        });
        yield return new HostileArticle($"{tag}-json", Clean($"{tag}-json: {v}"), null, Clean(author), Clean(category));

        WriteJson(folder, $"json/{tag}-html.json", new Dictionary<string, object>
        {
            ["title"] = $"{tag}-jsonhtml", ["summary"] = summary, ["body_html"] = $"{v}<p>{System.Net.WebUtility.HtmlEncode(lead)}</p><p>The end.</p>",
        });
        yield return new HostileArticle($"{tag}-jsonhtml", $"{tag}-jsonhtml", ShortEnough(summary), null, null);

        WriteJson(folder, $"json/{tag}-urls.json", new Dictionary<string, object>
        {
            ["title"] = $"{tag}-jsonurls", ["url"] = v, ["source_url"] = v, ["image"] = v, ["enclosure"] = v, ["video"] = new[] { v },
            ["attachments"] = new object[] { new Dictionary<string, string> { ["url"] = v, ["mime_type"] = v, ["title"] = v } },
            ["sources"] = new object[] { v, new Dictionary<string, string> { ["name"] = "Named", ["url"] = v } },
            ["body_text"] = "The body of an article whose URL keys hold the vector, according to Reuters.",
        });
        yield return new HostileArticle($"{tag}-jsonurls", $"{tag}-jsonurls", null, null, null, UrlKeys: true);

        // A JSON Feed document in the folder: its item is an article, every key of it hostile.
        WriteJson(folder, $"json/{tag}-feed.json", new Dictionary<string, object>
        {
            ["version"] = "https://jsonfeed.org/version/1.1", ["title"] = v,
            ["items"] = new object[]
            {
                new Dictionary<string, object>
                {
                    ["id"] = $"{tag}-jsonfeed", ["title"] = $"{tag}-jsonfeed: {v}", ["summary"] = summary,
                    // The vector after a paragraph of text: one that swallows what follows leaves the text, so every item is published.
                    ["content_html"] = $"<p>{System.Net.WebUtility.HtmlEncode(lead)}</p>{v}",
                    ["authors"] = new object[] { new Dictionary<string, string> { ["name"] = author, ["url"] = v } },
                    ["tags"] = new[] { category }, ["image"] = v, ["url"] = v,
                    ["attachments"] = new object[] { new Dictionary<string, string> { ["url"] = v, ["mime_type"] = v, ["title"] = v } },
                },
            },
        });
        yield return new HostileArticle($"{tag}-jsonfeed", Clean($"{tag}-jsonfeed: {v}"), ShortEnough(summary), Clean(author), Clean(category), UrlKeys: true);

        var a = (string text) => System.Net.WebUtility.HtmlEncode(text);
        Write(folder, $"html/{tag}.html", $"""
            <!DOCTYPE html><html lang="en"><head><title>{v}</title>
            <meta property="og:title" content="{a($"{tag}-html: {v}")}">
            <meta name="author" content="{a(author)}">
            <meta property="article:tag" content="{a(category)}">
            <link rel="canonical" href="{a(v)}">
            <meta property="og:image" content="{a(v)}">
            </head><body><article><p>{v}</p><p>{a(lead)}</p><p>{a(more)}</p></article></body></html>
            """);
        yield return new HostileArticle($"{tag}-html", Clean($"{tag}-html: {v}"), null, Clean(author), Clean(category));

        // No Open Graph: the title is the page's <h1>, markup and all.
        Write(folder, $"html/{tag}-h1.html", $"<html><body><article><h1>{tag}-h1: {v}</h1><p>{v}</p><p>{a(lead)}</p></article></body></html>");
        yield return new HostileArticle($"{tag}-h1", null, null, null, null);
    }

    /// <summary>A text key's value as readers must see it: one line, characters XML forbids dropped.</summary>
    public static string Clean(string text) => TextHygiene.CleanLine(text);

    private static string? ShortEnough(string summary) => Clean(summary) is { Length: <= 250 } clean ? clean : null;

    private static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ');

    /// <summary>A double-quoted YAML scalar: JSON's string syntax is YAML's too.</summary>
    private static string Y(string text) => JsonSerializer.Serialize(text, Json);

    private static void WriteJson(string folder, string path, Dictionary<string, object> keys) =>
        Write(folder, path, JsonSerializer.Serialize(keys, Json));

    private static void Write(string folder, string path, string text) =>
        File.WriteAllText(Path.Combine(folder, path), text, new UTF8Encoding(false));
}
