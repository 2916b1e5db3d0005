using FeedPublisher.Core.Ingesting;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Reading;

namespace FeedPublisher.Core.Tests.Ingesting;

/// <summary>Paths come from the store, which other systems may write: none may leave the articles folder.</summary>
public sealed class ArticleFileReaderTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "fp-articles");

    private readonly ArticleFileReader _reader = new([new TextArticleReader()], new IngestSettings(Root, 1000));

    [Theory]
    [InlineData("story.txt")]
    [InlineData("world/asia/story.txt")]
    [InlineData("world/../story.txt")]
    public void Locate_PathInsideTheFolder_IsThere(string path) =>
        Assert.StartsWith(Root + Path.DirectorySeparatorChar, _reader.Locate(path).FullName, StringComparison.Ordinal);

    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("world/../../secret.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("..")]
    [InlineData("")]
    public void Locate_PathLeavingTheFolder_IsRefused(string path) =>
        Assert.Throws<ArticleRejectedException>(() => _reader.Locate(path));
}
