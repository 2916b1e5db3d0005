using FeedPublisher.Core.Ingesting;
using FeedPublisher.Core.Reading;

namespace FeedPublisher.Core.Tests.Reading;

/// <summary>Issue 16: a key no reader knows is reported, once per key over a publish, with the key it most likely meant.</summary>
public sealed class UnknownArticleKeysTests
{
    [Fact]
    public void Read_FrontMatter_OnlyKeysNoOneKnowsAreUnknown()
    {
        var metadata = new MarkdownArticleReader().Read(new ArticleSource("a.md",
            "---\ntitle: T\npublish_date: 2026-01-02\nweight: 3\nslug: t\nPubdate: 2026-01-01\ncolour: red\n---\nBody.\n")).Metadata;

        // Keys are read ignoring case (Hugo lowercases them), so 'Pubdate' is pubDate, not a typo.
        Assert.Equal(["publish_date", "colour"], metadata.UnknownKeys);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), metadata.Date);
    }

    [Fact]
    public void Read_Json_OnlyKeysNoOneKnowsAreUnknown() =>
        Assert.Equal(["publishedAt"], new JsonArticleReader().Read(new ArticleSource("a.json",
            "{\"title\": \"T\", \"publishedAt\": \"2026-01-02\", \"permalink\": \"/t/\", \"body_text\": \"Body.\"}")).Metadata.UnknownKeys);

    [Fact]
    public void Read_NoFrontMatter_NoUnknownKeys() =>
        Assert.Empty(new MarkdownArticleReader().Read(new ArticleSource("a.md", "# T\n\nBody.\n")).Metadata.UnknownKeys);

    [Fact]
    public void KnownArticleKeys_EveryKeyTheReadersAskFor_IsKnown()
    {
        var asked = new AskedKeys();
        MetadataKeys.Read(asked);

        Assert.NotEmpty(asked.Names);
        Assert.All(asked.Names, name => Assert.True(KnownArticleKeys.IsKnown(name), $"'{name}' is read but not in KnownArticleKeys.Read"));
    }

    [Theory]
    [InlineData("publish_date", "publishDate")]
    [InlineData("publishedAt", "published_at")]
    [InlineData("wieght", "weight")]
    [InlineData("tag", "tags")]
    [InlineData("colour", null)]
    public void Nearest_ClosestKnownKeyOrNone(string key, string? expected) =>
        Assert.Equal(expected, KnownArticleKeys.Nearest(key));

    [Fact]
    public void Tally_KeyInManyFiles_OneLineWithCountHintAndFirstFile()
    {
        var keys = UnknownArticleKey.Tally([
            ("posts/a.md", ["publish_date", "colour"]),
            ("posts/b.md", ["Publish_Date"]),
            ("posts/c.md", ["publish_date"]),
        ]);

        Assert.Equal(
            ["3 files use the unknown key 'publish_date' (did you mean 'publishDate'?), e.g. posts/a.md",
             "1 file uses the unknown key 'colour', e.g. posts/a.md"],
            keys.Select(key => key.ToString()));
    }

    [Fact]
    public void Tally_KeyWithNewline_StaysOnOneLine() =>
        Assert.DoesNotContain('\n', UnknownArticleKey.Tally([("a\nb.md", ["x\ny"])]).Single().ToString());

    /// <summary>Answers nothing and notes every key asked for: with nothing present, a reader asks for all it knows.</summary>
    private sealed class AskedKeys : IMetadataKeys
    {
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public string? Text(string key) => Note(key, (string?)null);

        public DateTimeOffset? Date(string key) => Note(key, (DateTimeOffset?)null);

        public bool? Flag(string key) => Note(key, (bool?)null);

        public string? TextOrInner(string key, string inner) => Note(key, (string?)null);

        public IReadOnlyList<string> List(params string[] keys) => NoteAll(keys, (IReadOnlyList<string>)[]);

        public IReadOnlyList<(string Name, string Url)> LinkedNames(params string[] keys) => NoteAll(keys, (IReadOnlyList<(string, string)>)[]);

        public IReadOnlyList<string> Terms(string key) => Note(key, (IReadOnlyList<string>)[]);

        public IReadOnlyList<(string Name, string Url)> Sources(string key) => Note(key, (IReadOnlyList<(string, string)>)[]);

        public IReadOnlyList<IReadOnlyDictionary<string, string>> Media(string key) => Note(key, (IReadOnlyList<IReadOnlyDictionary<string, string>>)[]);

        private T Note<T>(string key, T answer)
        {
            Names.Add(key);
            return answer;
        }

        private T NoteAll<T>(string[] keys, T answer)
        {
            Names.UnionWith(keys);
            return answer;
        }
    }
}
