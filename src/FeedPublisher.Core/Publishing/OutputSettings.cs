using System.Text.Json.Serialization;
using FeedPublisher.Core.Extraction;
using FeedPublisher.Core.Model;
using FeedPublisher.Core.Settings;
using FeedPublisher.Core.Writing;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// Everything besides the articles that shapes the bytes of the feed directory: what derives the
/// stored article data, the site, what a publish produces, the formats, and the program's own
/// revision. Hashed as a whole (<see cref="SettingsHash"/>), every property of every record, so a
/// setting added to one of these records is in the publish key without anyone listing it.
/// </summary>
/// <param name="Program">The program's version: a new one may render differently.</param>
/// <param name="Renderer">The feed renderer's revision (<see cref="FeedRenderer.Revision"/>).</param>
public sealed record OutputSettings(
    ExtractionSettings Extraction,
    SiteInfo Site,
    PublishSettings Publish,
    [property: JsonPropertyOrder(1)] string Program,
    [property: JsonPropertyOrder(1)] string Renderer)
{
    private static readonly IReadOnlyList<string> FormatFileNames = [.. FeedFormats.All.Select(f => f.FileName)];

    /// <summary>
    /// The file names of the feed formats written, in order: taken from the registry, not passed
    /// in, so the publish key always names the formats a publish really writes. Serialized before
    /// <see cref="Program"/> (the order above), where it was a parameter, so the hash of unchanged
    /// settings stays the same and an upgrade does not render every file again.
    /// </summary>
    public IReadOnlyList<string> Formats { get; } = FormatFileNames;

    /// <summary>The hash of all of it (<see cref="SettingsHash"/>).</summary>
    public string Hash() => SettingsHash.Of(this, OutputSettingsJson.Default.OutputSettings);

    /// <summary>The canonical text that <see cref="Hash"/> hashes.</summary>
    public string Text() => SettingsHash.Text(this, OutputSettingsJson.Default.OutputSettings);
}

/// <summary>The serializer of <see cref="OutputSettings"/>, generated at build time (fast path only).</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(OutputSettings))]
internal sealed partial class OutputSettingsJson : JsonSerializerContext;
