using System.Text.Json;
using FeedPublisher.Storage;

namespace FeedPublisher.IntegrationTests.Storage;

/// <summary>Stored name lists are written without the serializer when they can be: the bytes must be what it writes.</summary>
public sealed class StoredJsonTests
{
    public static TheoryData<string[]> NameLists()
    {
        var data = new TheoryData<string[]>();
        foreach (string[] names in new[] { [], ["World"], ["Ada Okafor", "Science & Tech", "C++"], ["Zoë Ng"], ["a\"b", "back\\slash"], new[] { "tab\there" } })
        {
            data.Add(names);
        }

        // Every printable ASCII character, alone and inside a name.
        foreach (var c in Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c))
        {
            data.Add([c.ToString(), $"Name {c} more"]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NameLists))]
    public void WriteNames_AnyNames_WritesWhatTheSerializerWrites(string[] names)
    {
        Assert.Equal(JsonSerializer.Serialize<IReadOnlyList<string>>(names), StoredJson.WriteNames(names));
        Assert.Equal(names, StoredJson.ReadNames(StoredJson.WriteNames(names)));
    }

    [Fact]
    public void WriteSources_None_WritesWhatTheSerializerWrites() =>
        Assert.Equal(JsonSerializer.Serialize(Array.Empty<object>()), StoredJson.WriteSources([]));

    [Fact]
    public void WriteAuthorUrls_InTheOrderOfTheNamesOnlyThoseWithPages_ReadBack()
    {
        var urls = new Dictionary<string, Uri> { ["Zoë Ng"] = new("https://zoe.example/"), ["Ann"] = new("https://ann.example/a?b=1") };

        var json = StoredJson.WriteAuthorUrls(["Ann", "Bo", "Zoë Ng"], urls);

        Assert.Equal("""{"Ann":"https://ann.example/a?b=1","Zo\u00EB Ng":"https://zoe.example/"}""", json);
        Assert.Equal(urls.OrderBy(p => p.Key, StringComparer.Ordinal), StoredJson.ReadAuthorUrls(json).OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void WriteAuthorUrls_NoPages_NullAndReadBackEmpty()
    {
        Assert.Null(StoredJson.WriteAuthorUrls(["Ann"], new Dictionary<string, Uri>()));
        Assert.Empty(StoredJson.ReadAuthorUrls(null));
    }
}
