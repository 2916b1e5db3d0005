using System.Text;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Reading;

namespace FeedPublisher.Core.Tests.Reading;

public sealed class ArticleTextDecoderTests
{
    [Fact]
    public void Decode_Empty_IsRejected()
    {
        var e = Assert.Throws<ArticleRejectedException>(() => ArticleTextDecoder.Decode([]));
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_BinaryGarbage_IsRejectedAsBinary()
    {
        var garbage = new byte[4096];
        new Random(42).NextBytes(garbage);

        var e = Assert.Throws<ArticleRejectedException>(() => ArticleTextDecoder.Decode(garbage));
        Assert.Contains("binary", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ControlCharactersWithoutNul_IsRejectedAsBinary()
    {
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)(i % 3 == 0 ? 0x07 : 'a')).ToArray();

        Assert.Throws<ArticleRejectedException>(() => ArticleTextDecoder.Decode(bytes));
    }

    [Fact]
    public void Decode_InvalidUtf8_ReadsWindows1252WithWarning()
    {
        var decoded = ArticleTextDecoder.Decode([.. "Caf"u8, 0xE9, .. " \u0093ok\u0094"u8]);

        Assert.StartsWith("Café", decoded.Text, StringComparison.Ordinal);
        Assert.Contains("offset 3", decoded.Warning, StringComparison.Ordinal);
        Assert.Contains("Windows-1252", decoded.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Utf8Bom_IsDropped()
    {
        var decoded = ArticleTextDecoder.Decode([0xEF, 0xBB, 0xBF, .. "Title"u8]);

        Assert.Equal("Title", decoded.Text);
        Assert.Null(decoded.Warning);
    }

    [Theory]
    [InlineData("utf-16LE")]
    [InlineData("utf-16BE")]
    public void Decode_Utf16WithBom_IsRead(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("Zürich – 東京")).ToArray();

        Assert.Equal("Zürich – 東京", ArticleTextDecoder.Decode(bytes).Text);
    }
}
