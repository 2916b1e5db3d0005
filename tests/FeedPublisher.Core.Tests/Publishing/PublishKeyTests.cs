using System.Text;
using FeedPublisher.Core.Publishing;

namespace FeedPublisher.Core.Tests.Publishing;

public sealed class PublishKeyTests
{
    [Fact]
    public void ToBytes_Key_IsVersionAndHashEachOnALineAsEarlierVersionsWrote()
    {
        Assert.Equal("42\n9f86d081\n"u8.ToArray(), new PublishKey(42, "9f86d081").ToBytes());
    }

    [Fact]
    public void FromBytes_BytesOfToBytes_GivesTheSameKey()
    {
        var key = new PublishKey(1_234_567_890_123, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

        Assert.Equal(key, PublishKey.FromBytes(key.ToBytes()));
    }

    /// <summary>Bytes a publish never writes match no key: such a file made a publish write everything, and still does.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("42\n9f86d081")]
    [InlineData("42\n9f86d081\n\n")]
    [InlineData("+42\n9f86d081\n")]
    [InlineData("042\n9f86d081\n")]
    [InlineData(" 42\n9f86d081\n")]
    [InlineData("forty-two\n9f86d081\n")]
    [InlineData("42\r\n9f86d081\r\n")]
    public void FromBytes_NotExactlyWhatAPublishWrites_IsNull(string text)
    {
        Assert.Null(PublishKey.FromBytes(Encoding.UTF8.GetBytes(text)));
    }
}
