using System.Text;

namespace FeedPublisher.Core.Tests.Support;

/// <summary>
/// Article files built to hurt a reader, generated in code: each must be read or rejected with a
/// reason within the per-file budget. Also compiled into the integration tests, which publish them.
/// </summary>
public static class MalformedArticles
{
    /// <summary>Articles:MaxBytes by default.</summary>
    public const int MaxBytes = 5_000_000;

    /// <summary>
    /// The processor time one file may take, read or rejected (<see cref="ThreadCpuTime"/>): a valid
    /// 5 MB article of prose takes 0.4-0.75 s in a Debug build; hostile files took seconds to
    /// forever before issue 14, and take tens of milliseconds now.
    /// </summary>
    public static readonly TimeSpan PerFileBudget = TimeSpan.FromSeconds(1);

    /// <summary>Wall-clock time one file may take however loaded the machine: far above the work, far below a hang.</summary>
    public static readonly TimeSpan PerFileWallLimit = TimeSpan.FromSeconds(15);

    private static readonly Lazy<IReadOnlyDictionary<string, byte[]>> Corpus = new(() => Generate().ToDictionary(file => file.Name, file => file.Bytes));

    /// <summary>By file name (its extension picks the reader), the bytes; generated once.</summary>
    public static IReadOnlyDictionary<string, byte[]> All => Corpus.Value;

    private static IEnumerable<(string Name, byte[] Bytes)> Generate()
    {
        yield return ("yaml-alias-bomb.md", Utf8(AliasBomb() + "Body text of the bomb.\n"));
        yield return ("yaml-deep-flow.txt", Utf8($"---\ntitle: Deep\nx: {Repeat("[", 40_000)}{Repeat("]", 40_000)}\n---\nTitle\n\nBody.\n"));
        yield return ("yaml-deep-block.md", Utf8("---\ntitle: Deep\n" + string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', i) + "k:\n")) + "---\nBody.\n"));
        yield return ("yaml-overlong.md", Utf8($"---\ntitle: Long\nsummary: {Repeat("x", 200_000)}\n---\nBody.\n"));
        foreach (var (tag, close) in new[] { ("div", false), ("div", true), ("b", false), ("i><b", false), ("table", false), ("ul", false), ("li><ul", true) })
        {
            var name = tag.Replace("><", "-", StringComparison.Ordinal);
            yield return ($"html-deep-{name}{(close ? "-closed" : "")}.html", Utf8(
                $"<html><head><title>Deep {name}</title></head><body>{Repeat($"<{tag}>", 20_000)}<p>According to Reuters, it is deep.</p>{(close ? Repeat($"</{tag.Split("><")[0]}>", 20_000) : "")}</body></html>"));
        }

        yield return ("html-many-elements.html", Utf8($"<html><head><title>Many</title></head><body>{Repeat("<p>word</p>", 400_000)}</body></html>"));
        yield return ("html-one-long-line.html", Utf8(OneLine("<html><head><title>Long line</title></head><body><p>", "</p></body></html>")));
        yield return ("json-deep-html.json", Utf8($"{{\"title\": \"Deep JSON HTML\", \"body_html\": \"{Repeat("<div>", 20_000)}text\"}}"));
        yield return ("json-deep.json", Utf8($"{{\"title\": \"Deep\", \"body_text\": \"b\", \"x\": {Repeat("[", 100_000)}{Repeat("]", 100_000)}}}"));
        yield return ("json-title-number.json", Utf8("{\"title\": 42, \"body_text\": \"Body.\"}"));
        yield return ("json-sources-object.json", Utf8("{\"title\": \"T\", \"body_text\": \"Body.\", \"sources\": {\"url\": \"https://x.example/\"}}"));
        yield return ("json-authors-nested.json", Utf8("{\"title\": \"T\", \"body_text\": \"Body.\", \"authors\": [[\"Ann\"], [[\"Bo\"]]]}"));
        yield return ("json-body-number.json", Utf8("{\"title\": \"T\", \"body_html\": 5}"));
        yield return ("json-array.json", Utf8("[{\"title\": \"T\"}]"));
        yield return ("json-lone-surrogate.json", Utf8("{\"title\": \"T\\ud800\", \"body_text\": \"Body \\udc00 text.\"}"));
        yield return ("json-truncated.json", Utf8("{\"title\": \"T\", \"body_text\": \"Bo"));
        yield return ("md-deep-quotes.md", Utf8("# Quotes\n\n" + Repeat(">", 10_000) + " deep\n"));
        yield return ("md-brackets.md", Utf8("# Brackets\n\n" + Repeat("[", 100_000) + " text\n"));
        yield return ("md-emphasis.md", Utf8("# Emphasis\n\n" + Repeat("*", 100_000) + "text\n"));
        yield return ("md-emphasis-runs.md", Utf8("# Emphasis\n\n" + Repeat("*a ", 100_000) + "text\n"));
        yield return ("md-links.md", Utf8("# Links\n\n" + Repeat("[a](", 100_000) + "text\n"));
        yield return ("md-links-long-tail.md", Utf8("# Links\n\n" + Repeat("![a](", 100) + Repeat("x", 4_000_000) + "\n"));
        yield return ("md-footnotes.md", Utf8("# Footnotes\n\n" + Repeat("[^a]", 16_000) + "\n"));
        yield return ("md-nested-list.md", Utf8("# List\n\n" + string.Concat(Enumerable.Range(0, 2000).Select(i => new string(' ', i * 2) + "- item\n"))));
        yield return ("md-nested-list-flat.md", Utf8("# List\n\n" + Repeat("- ", 10_000) + "item\n"));
        // Found by the fuzz run in CI (seed 14, case 49602): nested blocks over text full of
        // references (Markdig writes a quote as &quot;) made each enclosing block decode it all again.
        yield return ("md-nested-html-lists-quotes.md", Utf8("# Lists\n\nThe S&P 500 rose on " + Repeat("<ul><li>", 12_000) + "Wednesday.\n\n- The dollar fell " + Repeat("{\"a\":", 18_000) + "\n"));
        // Found by the fuzz run (ArticleFuzzTests): brackets that links close later, nested past Markdig's depth limit.
        yield return ("md-brackets-then-links.md", Utf8("# Brackets\n\nA rep" + Repeat("[", 5_331) + "ort. See [one](https://a.example/) and [two](/b).\n"));
        yield return ("html-tag-in-tag-name.html", Utf8("<html><head><title<table>" + Repeat("<tr><td><table>", 16_716) + ">T</title></head><body><p>Text.</p></body></html>"));
        // Found by the fuzz run in CI (seed 14, case 67204): tags inside a quoted href, where a
        // quote after "==" (base64) is text to the parser but opened a quoted value to HtmlShape,
        // which so missed 12,000 levels of nesting; parsing them took 1.8 s.
        yield return ("html-quote-after-base64-in-href.html", Utf8("<html><body><article><p>According to Reuters, it happened.</p><div><a href=\"https://t.c"
            + Repeat("<svg><g>", 6_000) + "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>" + Repeat("<svg><g>", 6_000)
            + "om/x\">Share</a></div></article></body></html>"));
        yield return ("html-tag-in-attribute.html", Utf8("<html><head><title>T</title><script type=" + Repeat("<b><i>", 13_532) + "x</script></head><body><p>Text.</p></body></html>"));
        yield return ("html-charset-utf7.html", Utf8("<html><head><meta charset=\"UTF-7\"><title>Seven</title></head><body><p>+ADw-script+AD4-alert(1)+ADw-/script+AD4- text.</p></body></html>"));
        yield return ("html-charset-ebcdic.html", Utf8("<html><head><meta charset=\"IBM037\"><title>EBCDIC</title></head><body><p>Text.</p></body></html>"));
        yield return ("md-raw-divs.md", Utf8("# Divs\n\n" + Repeat("<div>", 20_000) + "\ntext\n"));
        yield return ("md-one-long-line.md", Utf8(OneLine("# Long line\n\n", "")));
        yield return ("txt-one-long-line.txt", Utf8(OneLine("", "")));
        yield return ("txt-huge-paragraph.txt", Utf8("Huge paragraph\n\n" + Repeat("word ", (MaxBytes - 20) / 5)));
        yield return ("txt-many-lines.txt", Utf8("Many lines\n\n" + Repeat("w\n", (MaxBytes - 20) / 2)));
        yield return ("binary.txt", Binary());
        yield return ("invalid-utf8.txt", [.. Encoding.UTF8.GetBytes("Invalid UTF-8\n\nCaf"), 0xE9, 0xFF, 0xFE, .. Encoding.UTF8.GetBytes(" text.\n")]);
        yield return ("utf16-without-bom.txt", Encoding.Unicode.GetBytes("UTF-16 without a BOM\n\nBody text.\n"));
        yield return ("utf8-lone-surrogate.md", [.. Encoding.UTF8.GetBytes("# Surrogate\n\nA lone "), 0xED, 0xA0, 0x80, .. Encoding.UTF8.GetBytes(" surrogate.\n")]);
        yield return ("empty.md", []);
    }

    /// <summary>A "billion laughs" front matter: nine levels of nine aliases, 9^9 values from a few hundred bytes.</summary>
    public static string AliasBomb()
    {
        var yaml = new StringBuilder("title: Laughs\na: &a [x,x,x,x,x,x,x,x,x]\n");
        for (var level = 1; level < 9; level++)
        {
            var name = (char)('a' + level);
            yaml.Append($"{name}: &{name} [{string.Join(',', Enumerable.Repeat($"*{(char)(name - 1)}", 9))}]\n");
        }

        return $"---\n{yaml}---\n";
    }

    public static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    /// <summary>A file of exactly <see cref="MaxBytes"/> bytes: the prefix, one line of words, the suffix.</summary>
    private static string OneLine(string prefix, string suffix)
    {
        var words = Repeat("word ", (MaxBytes - prefix.Length - suffix.Length) / 5);
        return prefix + words + new string('.', MaxBytes - prefix.Length - suffix.Length - words.Length) + suffix;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Binary()
    {
        var bytes = new byte[100_000];
        new Random(14).NextBytes(bytes);
        return bytes;
    }
}
