namespace FeedPublisher.Core.Reading;

/// <summary>
/// Typed reads of the contract's keys from front matter or a JSON object; a value of the wrong
/// kind rejects the file. URLs are read as text: <see cref="KeyUrls"/> judges them all alike.
/// </summary>
internal interface IMetadataKeys
{
    string? Text(string key);

    DateTimeOffset? Date(string key);

    /// <summary>A yes/no value (<c>draft: true</c>), or null when the key is absent or holds something else.</summary>
    bool? Flag(string key);

    /// <summary>A value written either as text or as an object holding it under <paramref name="inner"/> (Ghost's <c>cover: {image: …}</c>).</summary>
    string? TextOrInner(string key, string inner);

    /// <summary>A list under the first of the given keys present, written as a list or as one value; an entry may be an object with a <c>name</c> (JSON Feed 1.1 authors, Ghost tags).</summary>
    IReadOnlyList<string> List(params string[] keys);

    /// <summary>
    /// The entries of the list <see cref="List"/> reads that are objects with both a <c>name</c>
    /// and a <c>url</c> (JSON Feed 1.1 and Ghost authors), as written; the URL is judged by the caller.
    /// </summary>
    IReadOnlyList<(string Name, string Url)> LinkedNames(params string[] keys);

    /// <summary>Taxonomy names under <paramref name="key"/>: a list as written, or one value split at its commas (<c>keywords: "a, b"</c>).</summary>
    IReadOnlyList<string> Terms(string key);

    /// <summary>
    /// Media under <paramref name="key"/>: a URL, an object, or a list of either; each as its
    /// fields' texts by lower-case name (a URL alone as <c>url</c>; numbers as written).
    /// </summary>
    IReadOnlyList<IReadOnlyDictionary<string, string>> Media(string key);

    /// <summary><c>sources</c>: a list of URLs, or of <c>{name, url}</c>, as written; a name is empty when not given.</summary>
    IReadOnlyList<(string Name, string Url)> Sources(string key);
}
