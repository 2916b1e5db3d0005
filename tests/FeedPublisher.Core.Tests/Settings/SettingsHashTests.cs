using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using FeedPublisher.Core.Extraction;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Publishing;

namespace FeedPublisher.Core.Tests.Settings;

/// <summary>The settings hash covers every property of every settings record, with no list to keep.</summary>
public sealed class SettingsHashTests
{
    private static readonly SiteInfo Site = new(new Uri("https://news.example.com/"), "News", "The news", "en")
    {
        Channel = new ChannelIdentity
        {
            Image = new Uri("https://news.example.com/logo.png"), Icon = new Uri("https://news.example.com/icon.png"), Copyright = "© News",
            PublisherName = "Desk", PublisherEmail = "desk@news.example.com", PublisherUrl = new Uri("https://news.example.com/about/"), TtlMinutes = 30,
        },
        ArticleUrl = "https://news.example.com/{yyyy}/{slug}/",
    };

    private static OutputSettings Output(ExtractionSettings? extraction = null, SiteInfo? site = null, PublishSettings? publish = null) => new(
        extraction ?? ExtractionSettings.Create(Site.Root, 300, new Dictionary<string, Uri> { ["Daily Planet"] = new("https://dailyplanet.example/") }),
        site ?? Site,
        publish ?? new PublishSettings(50) { NamedFeeds = [new NamedFeed("picks", "Picks", "Our picks", ["science"], [], null, true)] },
        "1.0.0.0",
        FeedRenderer.Revision);

    [Fact]
    public void Text_HoldsEveryPropertyOfEveryRecord()
    {
        using var json = JsonDocument.Parse(Output().Text());

        AssertHoldsEveryProperty(typeof(OutputSettings), json.RootElement, "OutputSettings");
    }

    [Fact]
    public void Text_NoChannel_LeavesTheSiteAsBefore()
    {
        // A site without a channel identity keeps the publish key it had before the identity existed.
        var text = Output(site: Site with { Channel = null, ArticleUrl = null }).Text();

        Assert.DoesNotContain("Channel", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_SameSettings_SameHash() => Assert.Equal(Output().Hash(), Output().Hash());

    [Fact]
    public void Of_OutletsInAnotherOrder_SameHash()
    {
        var a = ExtractionSettings.Create(Site.Root, 300, new Dictionary<string, Uri> { ["A"] = new("https://a.example/"), ["B"] = new("https://b.example/") });
        var b = ExtractionSettings.Create(Site.Root, 300, new Dictionary<string, Uri> { ["B"] = new("https://b.example/"), ["A"] = new("https://a.example/") });

        Assert.Equal(a.Hash(), b.Hash());
    }

    public static TheoryData<string, OutputSettings> Changed() => new()
    {
        { "Summary length", Output(extraction: ExtractionSettings.Create(Site.Root, 60, new Dictionary<string, Uri> { ["Daily Planet"] = new("https://dailyplanet.example/") })) },
        { "Outlets", Output(extraction: ExtractionSettings.Create(Site.Root, 300, new Dictionary<string, Uri>())) },
        { "Base URL", Output(site: Site with { BaseUrl = new Uri("https://elsewhere.example/") }) },
        { "Title", Output(site: Site with { Title = "Other" }) },
        { "Channel image", Output(site: Site with { Channel = Site.Channel! with { Image = new Uri("https://news.example.com/other.png") } }) },
        { "Channel ttl", Output(site: Site with { Channel = Site.Channel! with { TtlMinutes = 60 } }) },
        { "No channel", Output(site: Site with { Channel = null }) },
        { "Article URL template", Output(site: Site with { ArticleUrl = "https://news.example.com/{yyyy}/{mm}/{slug}/" }) },
        { "Article pages (no template)", Output(site: Site with { ArticleUrl = null }) },
        { "Gzip", Output(publish: new PublishSettings(50) { Gzip = false, NamedFeeds = [new NamedFeed("picks", "Picks", "Our picks", ["science"], [], null, true)] }) },
        { "Named feed", Output(publish: new PublishSettings(50) { NamedFeeds = [new NamedFeed("picks", "Picks", "Our picks", ["business"], [], null, true)] }) },
        { "Archive", Output(publish: new PublishSettings(50) { ArchivePageSize = 10, NamedFeeds = [new NamedFeed("picks", "Picks", "Our picks", ["science"], [], null, true)] }) },
    };

    [Theory]
    [MemberData(nameof(Changed))]
    public void Of_AnySettingChanged_AnotherHash(string what, OutputSettings changed)
    {
        Assert.NotEqual(Output().Hash(), changed.Hash());
        Assert.NotNull(what);
    }

    [Fact]
    public void Of_ExtractionChanged_AnotherDerivation()
    {
        var extraction = ExtractionSettings.Create(Site.Root, 300, new Dictionary<string, Uri>());

        Assert.NotEqual(extraction.Hash(), (extraction with { SummaryMaxLength = 60 }).Hash());
        // A new revision of the extraction code derives every stored article again (issue 17).
        Assert.Equal(ArticleExtractor.Revision, extraction.Revision);
        Assert.NotEqual(extraction.Hash(), (extraction with { Revision = "1" }).Hash());
        Assert.Equal(extraction.Hash(), ArticleExtractor.Create(extraction).Derivation);
    }

    /// <summary>Every public property is in the JSON, recursively into records and lists of records; only [JsonIgnore] ones may be missing.</summary>
    private static void AssertHoldsEveryProperty(Type type, JsonElement element, string path)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            // WhenWritingNull leaves out only a null value; the sample sets every such property.
            var ignored = property.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.Always };
            Assert.True(ignored != element.TryGetProperty(property.Name, out var value), $"{path}.{property.Name} is {(ignored ? "ignored but written" : "missing from the settings text")}");
            if (ignored)
            {
                continue;
            }

            var propertyType = property.PropertyType;
            var itemType = propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? propertyType.GetGenericArguments()[0] : null;
            if (IsRecord(propertyType))
            {
                AssertHoldsEveryProperty(propertyType, value, $"{path}.{property.Name}");
            }
            else if (itemType is not null && IsRecord(itemType) && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0)
            {
                AssertHoldsEveryProperty(itemType, value[0], $"{path}.{property.Name}[0]");
            }
        }
    }

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;
}
