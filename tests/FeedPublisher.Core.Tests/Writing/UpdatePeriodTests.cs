using FeedPublisher.Core.Writing;

namespace FeedPublisher.Core.Tests.Writing;

public sealed class UpdatePeriodTests
{
    [Theory]
    [InlineData(1, "hourly", 60)]
    [InlineData(30, "hourly", 2)]
    [InlineData(60, "hourly", 1)]
    [InlineData(90, "daily", 16)]
    [InlineData(1440, "daily", 1)]
    [InlineData(2000, "weekly", 5)]
    [InlineData(10080, "weekly", 1)]
    public void UpdatePeriod_Ttl_TheShortestPeriodThatHoldsItAndTimesPerPeriod(int ttl, string period, int frequency)
    {
        Assert.Equal((period, frequency), ChannelElements.UpdatePeriod(ttl));
    }
}
