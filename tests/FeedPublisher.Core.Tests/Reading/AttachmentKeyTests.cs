using System.Text;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Reading;
using FeedPublisher.Core.Tests.Support;

namespace FeedPublisher.Core.Tests.Reading;

/// <summary>
/// Issue 17: <c>enclosure</c>, <c>audio</c>, <c>video</c> and JSON Feed <c>attachments</c> become
/// the article's attachments: URLs through the policy and made absolute, the type given or from the
/// extension, length and duration when given; and the body's first image when no key names one.
/// </summary>
public sealed class AttachmentKeyTests
{
    [Fact]
    public void Read_FrontMatterEnclosureObjectAudioAndVideo_AllInOrder()
    {
        var article = Read("a.md", """
            ---
            title: T
            enclosure:
              url: https://cdn.example.com/ep1.mp3
              type: audio/mpeg
              length: 24986239
              duration: "30:30"
            audio: /media/ep1.m4a
            video: [https://cdn.example.com/ep1.webm, https://cdn.example.com/ep1.mp3]
            ---
            Body text.
            """);

        Assert.Equal(
            [
                new MediaAttachment(new Uri("https://cdn.example.com/ep1.mp3"), "audio/mpeg", 24_986_239, 1_830),
                new MediaAttachment(new Uri("https://news.example.com/media/ep1.m4a"), "audio/mp4"),
                new MediaAttachment(new Uri("https://cdn.example.com/ep1.webm"), "video/webm"),
            ],
            article.Attachments);
    }

    [Fact]
    public void Read_JsonFeedAttachments_AllFields()
    {
        var article = Read("a.json", """
            {"title": "T", "body_text": "Body text.", "attachments": [
              {"url": "https://cdn.example.com/ep2.ogg", "mime_type": "audio/ogg", "size_in_bytes": 1200, "title": "Episode 2", "duration_in_seconds": 61.4},
              {"url": "https://cdn.example.com/notes.pdf"},
              {"url": "https://cdn.example.com/raw.bin", "mime_type": "not a type", "size_in_bytes": -3}
            ]}
            """);

        Assert.Equal(
            [
                new MediaAttachment(new Uri("https://cdn.example.com/ep2.ogg"), "audio/ogg", 1200, 61, "Episode 2"),
                new MediaAttachment(new Uri("https://cdn.example.com/notes.pdf"), "application/pdf"),
                new MediaAttachment(new Uri("https://cdn.example.com/raw.bin"), MediaTypes.Unknown),
            ],
            article.Attachments);
    }

    [Theory]
    [MemberData(nameof(KeyUrlTests.RefusedUrls), MemberType = typeof(KeyUrlTests))]
    public void FrontMatter_RefusedEnclosure_LeftOutWithAWarning(string url)
    {
        var metadata = FrontMatter.Read($"---\ntitle: T\nenclosure: {System.Text.Json.JsonSerializer.Serialize(url)}\n---\nBody.\n");

        Assert.Empty(metadata.Attachments);
        Assert.StartsWith("'enclosure':", Assert.Single(metadata.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EnclosureOfWrongShape_RejectedNamingTheKey()
    {
        var problem = Assert.Throws<ArticleRejectedException>(() => Read("a.json", """{"title": "T", "enclosure": true, "body_text": "Body."}"""));

        Assert.Contains("'enclosure'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoImageKey_FirstHttpImageOfTheBody()
    {
        var article = Read("a.md", "---\ntitle: T\n---\nText.\n\n![a](data:image/png;base64,AAAA)\n\n![b](/img/b.png)\n\n![c](https://x.example/c.png)\n");

        Assert.Equal("https://news.example.com/img/b.png", article.Image?.AbsoluteUri);
    }

    [Fact]
    public void Read_ImageKey_WinsOverTheBody()
    {
        var article = Read("a.md", "---\ntitle: T\nimage: https://x.example/cover.jpg\n---\nText.\n\n![b](/img/b.png)\n");

        Assert.Equal("https://x.example/cover.jpg", article.Image?.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://cdn.example.com/a.MP3", "audio/mpeg")]
    [InlineData("https://cdn.example.com/a.opus?x=1", "audio/ogg")]
    [InlineData("https://cdn.example.com/a.mov", "video/quicktime")]
    [InlineData("https://cdn.example.com/a.mkv", "video/x-matroska")]
    [InlineData("https://cdn.example.com/a.m4v", "video/mp4")]
    [InlineData("https://cdn.example.com/a", null)]
    public void FromExtension_KnownTypes(string url, string? expected) =>
        Assert.Equal(expected, MediaTypes.FromExtension(new Uri(url)));

    private static Article Read(string fileName, string text) => ArticlePipeline.Read(fileName, Encoding.UTF8.GetBytes(text));
}
