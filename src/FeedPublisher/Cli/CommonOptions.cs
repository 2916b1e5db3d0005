using System.CommandLine;

namespace FeedPublisher.Cli;

/// <summary>The options every command takes; each is a shorthand for a configuration key.</summary>
public sealed class CommonOptions
{
    private readonly (Option<string> Option, string Key)[] _shorthands;

    public CommonOptions()
    {
        _shorthands =
        [
            (Make("--articles", "DIR", "the stored articles folder (Articles:Directory)"), "Articles:Directory"),
            (Make("--feeds", "DIR", "the feed directory to publish to (Feeds:Directory)"), "Feeds:Directory"),
            (Make("--store", "PATH-OR-CONNECTION-STRING", "the store: a SQLite file or connection string, or a PostgreSQL connection string with --Storage:Provider=Postgres (Storage:ConnectionString)"), "Storage:ConnectionString"),
            (Make("--base-url", "URL", "the URL the feed directory is published at (Site:BaseUrl)"), "Site:BaseUrl"),
        ];
    }

    public IEnumerable<Option> All => _shorthands.Select(s => s.Option);

    /// <summary>The configuration keys that the given options set.</summary>
    public Dictionary<string, string?> ToConfiguration(ParseResult result) =>
        _shorthands
            .Select(s => (s.Key, Value: result.GetValue(s.Option)))
            .Where(s => s.Value is not null)
            .ToDictionary(s => s.Key, s => s.Value);

    private static Option<string> Make(string name, string valueName, string description) =>
        new(name) { Description = description, HelpName = valueName, Recursive = true };
}
