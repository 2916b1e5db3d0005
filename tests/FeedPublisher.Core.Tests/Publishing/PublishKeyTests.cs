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

    [Fact]
    public void ToBytes_KeyWithLastDue_AddsItsUnixMillisecondsOnAThirdLine()
    {
        var key = new PublishKey(42, "9f86d081", DateTimeOffset.FromUnixTimeMilliseconds(1_780_000_000_123));

        Assert.Equal("42\n9f86d081\n1780000000123\n"u8.ToArray(), key.ToBytes());
        Assert.Equal(key, PublishKey.FromBytes(key.ToBytes()));
    }

    [Fact]
    public void FromBytes_KeyWrittenBeforeLastDue_DiffersFromAKeyWithOne()
    {
        // A directory published by an earlier version publishes once more after the upgrade.
        Assert.NotEqual(new PublishKey(42, "9f86d081", DateTimeOffset.UnixEpoch), PublishKey.FromBytes("42\n9f86d081\n"u8));
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
    [InlineData("42\n9f86d081\n+17\n")]
    [InlineData("42\n9f86d081\nsoon\n")]
    [InlineData("42\n9f86d081\n17\n\n")]
    public void FromBytes_NotExactlyWhatAPublishWrites_IsNull(string text)
    {
        Assert.Null(PublishKey.FromBytes(Encoding.UTF8.GetBytes(text)));
    }
}
