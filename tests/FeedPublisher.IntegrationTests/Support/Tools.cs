namespace FeedPublisher.IntegrationTests.Support;

/// <summary>Whether the external tools (feedparser, xmllint, ...) must be present: in CI, or when FEEDPUBLISHER_REQUIRE_TOOLS=1.</summary>
public static class Tools
{
    public static bool Required =>
        Environment.GetEnvironmentVariable("FEEDPUBLISHER_REQUIRE_TOOLS") == "1"
        || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
