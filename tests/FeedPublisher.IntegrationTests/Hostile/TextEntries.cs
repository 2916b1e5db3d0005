using System.Text.Json;

namespace FeedPublisher.IntegrationTests.Hostile;

/// <summary>An entry's text fields as the Universal Feed Parser gives them to an aggregator, with the content type it settled on.</summary>
public sealed record TextEntry(string? Title, string? TitleType, string? Summary, string? SummaryType, IReadOnlyList<string> Authors, IReadOnlyList<string> Tags);

/// <summary>Reads a whole feed with python3-feedparser in one process (a per-entry call would take minutes).</summary>
public static class TextEntries
{
    private const string Script = """
        import feedparser, json, sys
        d = feedparser.parse(sys.argv[1])
        if d.bozo:
            sys.exit("not well-formed: %s" % d.get("bozo_exception"))
        print(json.dumps([{
            "title": e.get("title"), "title_type": e.get("title_detail", {}).get("type"),
            "summary": e.get("summary"), "summary_type": e.get("summary_detail", {}).get("type"),
            "authors": [a.get("name") for a in e.get("authors", []) if a.get("name")],
            "tags": [t.get("term") for t in e.get("tags", [])],
        } for e in d.entries]))
        """;

    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IReadOnlyList<TextEntry> Parse(string path) =>
        JsonSerializer.Deserialize<List<TextEntry>>(Support.FeedParser.RunScript(Script, path), Options)!;
}
