using FeedPublisher.Core.Html;
using FeedPublisher.Core.Tests.Support;

namespace FeedPublisher.Core.Tests.Html;

/// <summary>
/// Players in a body (issue 17): each case in TestData/Sanitizer/Players (a body, and beside it
/// its sanitized form as .golden.html) becomes a safe link to its media or, when it points at
/// nothing allowed, nothing; what the sanitizer collects as text is what parsing its output reads.
/// </summary>
public sealed class PlayerLinkTests
{
    private static readonly Uri Base = new("https://news.example.com/world/story");

    public static TheoryData<string> Cases() =>
        [.. Directory.GetFiles(Path.Combine(Golden.TestData, "Sanitizer", "Players"), "*.html")
            .Where(path => !path.EndsWith(".golden.html", StringComparison.Ordinal))
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sanitize_Player_MatchesGolden(string name)
    {
        var input = Golden.Read(Path.Combine("Sanitizer", "Players", name));

        var sanitized = SanitizedBody.Of(HtmlDocuments.Parse(input), Base);

        Golden.AssertMatches(Path.Combine("Sanitizer", "Players", Path.ChangeExtension(name, ".golden.html")), sanitized.Html);
        Assert.Empty(HarmlessHtml.Problems(sanitized.Html));
        var reread = HtmlBodyText.Read(HtmlDocuments.Parse(sanitized.Html));
        Assert.Equal(reread.Paragraphs, sanitized.Text.Paragraphs);
        Assert.Equal(reread.Links, sanitized.Text.Links);
    }

    [Theory]
    [InlineData("https://www.youtube.com/embed/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://youtube.com/embed/dQw4w9WgXcQ/", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://player.vimeo.com/video/76979871", "https://vimeo.com/76979871")]
    [InlineData("https://www.dailymotion.com/embed/video/x8abc12", "https://www.dailymotion.com/video/x8abc12")]
    [InlineData("https://www.youtube.com/embed/videoseries?list=PL1", "https://www.youtube.com/embed/videoseries?list=PL1")]
    [InlineData("https://evil.example/embed/dQw4w9WgXcQ", "https://evil.example/embed/dQw4w9WgXcQ")]
    public void Sanitize_Iframe_LinksToWatchPageOrItsSource(string src, string expected)
    {
        var html = HtmlSanitizer.Sanitize($"<iframe src=\"{src}\"></iframe>", Base);

        Assert.Equal($"<p><a href=\"{expected}\">{expected}</a></p>", html);
    }
}
