using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Reading;

/// <summary>Typed reads of the contract's keys from front matter or a JSON object; a value of the wrong kind rejects the file.</summary>
internal interface IMetadataKeys
{
    string? Text(string key);

    Uri? Url(string key);

    DateTimeOffset? Date(string key);

    /// <summary>A list under the first of the given keys present, written as a list or as one value.</summary>
    IReadOnlyList<string> List(params string[] keys);

    IReadOnlyList<SourceLink> Sources(string key);
}
