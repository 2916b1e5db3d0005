using System.Diagnostics;
using System.Text.Json;

namespace FeedPublisher.IntegrationTests.Support;

/// <summary>
/// Debian's python3-feedparser, the Universal Feed Parser that many aggregators use: an
/// independent reading of our feeds. Without it the test is skipped with instructions, unless
/// CI (or FEEDPUBLISHER_REQUIRE_TOOLS=1) says the tools must be there.
/// </summary>
public static class FeedParser
{
    private const string Python = "/usr/bin/python3";

    /// <remarks>
    /// Debian's feedparser (6.0.10) predates JSON Feed support, so a .json file is read with
    /// Python's own json module and mapped to the same fields, which checks the JSON Feed 1.1 keys.
    /// </remarks>
    private const string Script = """
        import feedparser, json, sys
        path = sys.argv[1]
        if path.endswith(".json"):
            try:
                f = json.load(open(path, encoding="utf-8"))
                ok = f.get("version") == "https://jsonfeed.org/version/1.1" and all(k in f for k in ("title", "home_page_url", "feed_url", "items"))
                out = {"bozo": 0 if ok else 1, "bozo_exception": "" if ok else "missing JSON Feed 1.1 keys", "version": "json11", "title": f.get("title"),
                       "entries": [{"id": i.get("id"), "title": i.get("title"), "link": i.get("url"), "summary": i.get("summary"),
                                    "published": i.get("date_published"), "updated": i.get("date_modified"),
                                    "content": [c for c in (i.get("content_html"), i.get("content_text")) if c],
                                    "related": [{"href": s.get("url"), "title": s.get("name")} for s in i.get("_sources", [])]} for i in f.get("items", [])]}
            except ValueError as e:
                out = {"bozo": 1, "bozo_exception": str(e), "version": "", "title": None, "entries": []}
            print(json.dumps(out))
            sys.exit(0)
        d = feedparser.parse(path)
        print(json.dumps({
            "bozo": int(d.bozo),
            "bozo_exception": str(d.get("bozo_exception", "")),
            "version": d.version,
            "title": d.feed.get("title"),
            "entries": [{
                "id": e.get("id"),
                "title": e.get("title"),
                "link": e.get("link"),
                "summary": e.get("summary"),
                "published": e.get("published"),
                "updated": e.get("updated"),
                "content": [c.get("value") for c in e.get("content", [])],
                "related": [{"href": l.get("href"), "title": l.get("title")} for l in e.get("links", []) if l.get("rel") == "related"],
            } for e in d.entries],
        }))
        """;

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void SkipUnlessAvailable()
    {
        var available = File.Exists(Python) && Run("-c", "import feedparser").ExitCode == 0;
        if (!available && Tools.Required)
        {
            throw new InvalidOperationException("python3-feedparser is required here (CI): apt-get install python3-feedparser");
        }

        Skip.IfNot(available, "python3-feedparser is not installed: apt-get install python3-feedparser (CI installs it)");
    }

    public static ParsedFeed Parse(string path) => JsonSerializer.Deserialize<ParsedFeed>(RunScript(Script, path), JsonOptions)!;

    /// <summary>What a Python <paramref name="script"/> prints for the feed at <paramref name="path"/> (its sys.argv[1]); a failed script fails the test.</summary>
    public static string RunScript(string script, string path)
    {
        var (exitCode, output, error) = Run("-c", script, path);
        Assert.True(exitCode == 0, $"feedparser failed on {path}: {error}");
        return output;
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var info = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }
}

public sealed record ParsedFeed(int Bozo, string BozoException, string Version, string? Title, IReadOnlyList<ParsedEntry> Entries);

public sealed record ParsedEntry(
    string? Id, string? Title, string? Link, string? Summary, string? Published, string? Updated,
    IReadOnlyList<string> Content, IReadOnlyList<ParsedLink> Related);

public sealed record ParsedLink(string? Href, string? Title);
