using System.Text.Json;
using FeedPublisher.Core.Reading;

namespace FeedPublisher.Core.Tests.Reading;

/// <summary>
/// The fast front-matter parser must read exactly what YamlDotNet reads, or step aside: every case
/// it accepts is compared, node for node and line for line, with the full YAML parser.
/// </summary>
public sealed class SimpleFrontMatterTests
{
    public static TheoryData<string> Accepted => new()
    {
        "title: Hello",
        "title: \"Quoted: with # and , inside\"\ndate: 2024-05-01T09:30:00Z",
        "title: 'It''s single-quoted'",
        "title: Rock & Roll\nauthor: Zoë Ng",
        "categories: [Travel]",
        "categories: [Travel, \"World, Affairs\", 'Local']\ntags: []",
        "categories:\n  - Travel\n  - World\ntitle: After the list",
        "categories:\n- Travel\n\n- World",
        "# a comment\ntitle: C# rocks\n\nurl: https://example.com/a?b=c:d",
        "title: null\nsummary: ~\nflag: true\nnumber: 42",
        "Title: Capital key\nsource_url: http://x.test/\nsome-key: v",
        "title: trailing spaces   \nsummary:    leading spaces",
        "title: Ends with a question?",
        "title: 100% sure",
    };

    public static TheoryData<string> Refused => new()
    {
        "",
        "# only a comment",
        "title: \"escaped \\\" quote\"",
        "title: a # comment",
        "title: nested: colon",
        "title:\n  multi-line\n  plain",
        "title: |\n  literal",
        "title: >\n  folded",
        "title: &anchor value\nother: *anchor",
        "title: !tag value",
        "sources:\n  - name: Reuters\n    url: https://reuters.com",
        "categories:\n  - a\n    - b",
        "categories: [a, [b]]",
        "categories: [a, ]",
        "categories: [a: b]",
        "title: x\ntitle: y",
        "title: x\nTitle: y",
        "\ttitle: tab",
        "title: bell \u0007",
        "summary:",
        "- a list at the top",
        "\"quoted key\": v",
        "title: -5",
        "key with space: v",
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void TryParse_SimpleYaml_ReadsWhatYamlDotNetReads(string yaml)
    {
        var fast = SimpleFrontMatter.TryParse(yaml);

        Assert.NotNull(fast);
        Assert.Equal(Describe(YamlFrontMatter.Parse(yaml, firstLine: 2)), Describe(fast));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void TryParse_AnythingElse_StepsAside(string yaml) => Assert.Null(SimpleFrontMatter.TryParse(yaml));

    [Fact]
    public void TryParse_GeneratedCorpusHeaders_AllAcceptedAndEqual()
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var yaml = $"title: \"{Words(random, 6)}{(i % 7 == 0 ? " & more" : "")}\"\ndate: 2021-0{1 + (i % 9)}-1{i % 10}T16:32:12Z\nauthor: {Words(random, 2)}\ncategories: [{Words(random, 1)}, {Words(random, 1)}]\nsummary: \"{Words(random, 30)}.\"";
            var fast = SimpleFrontMatter.TryParse(yaml);
            Assert.NotNull(fast);
            Assert.Equal(Describe(YamlFrontMatter.Parse(yaml, firstLine: 2)), Describe(fast));
        }
    }

    [Fact]
    public void Read_FrontMatterWithEscapes_StillReadByFullYaml()
    {
        var metadata = FrontMatter.Read("---\ntitle: \"Tab\\there\"\nauthor: [\"A\", 'B']\n---\nBody");

        Assert.Equal("Tab\there", metadata.Title);
        Assert.Equal(["A", "B"], metadata.Authors);
    }

    private static string Words(Random random, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));

    private static readonly string[] Vocabulary = ["energy", "Court", "police", "week", "Zoë", "O'Brien", "data", "city", "C#", "50%", "a-b"];

    private static string Describe(FrontMatterNode? node) => JsonSerializer.Serialize(Shape(node));

    private static object? Shape(FrontMatterNode? node) => node switch
    {
        null => null,
        FrontMatterScalar s => new { s.Line, s.Value },
        FrontMatterList l => new { l.Line, Items = l.Items.Select(Shape).ToList() },
        FrontMatterMap m => new { m.Line, Entries = m.Entries.Select(e => new { e.Key, Value = Shape(e.Value) }).ToList() },
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };
}
