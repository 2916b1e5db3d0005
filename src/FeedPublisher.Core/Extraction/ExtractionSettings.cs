using System.Text.Json.Serialization;
using FeedPublisher.Core.Settings;

namespace FeedPublisher.Core.Extraction;

/// <summary>
/// Every setting that shapes what is derived from an article file and kept in the store: the
/// summary's length, the outlets configuration adds to the built-in directory, and the site's
/// root (relative links, an article's own site among its sources). Hashed as a whole
/// (<see cref="SettingsHash"/>): a stored body made with other settings is made again.
/// </summary>
/// <param name="Outlets">Extra outlets by name, in ordinal order of name (see <see cref="Create"/>).</param>
public sealed record ExtractionSettings(Uri SiteRoot, int SummaryMaxLength, IReadOnlyList<ConfiguredOutlet> Outlets)
{
    /// <summary>The settings with the outlets in one canonical order, whatever order configuration gave them in.</summary>
    public static ExtractionSettings Create(Uri siteRoot, int summaryMaxLength, IReadOnlyDictionary<string, Uri> outlets) =>
        new(siteRoot, summaryMaxLength, [.. outlets.Select(o => new ConfiguredOutlet(o.Key, o.Value)).OrderBy(o => o.Name, StringComparer.Ordinal)]);

    /// <summary>
    /// What the extraction code itself derives, beside the settings: it changes whenever the same
    /// file gives another article, so that stored articles are derived again once after an
    /// upgrade. 2: players become links, the body's first image, attachments (issue 17).
    /// </summary>
    public string Revision { get; init; } = ArticleExtractor.Revision;

    /// <summary>The hash of all of it (<see cref="SettingsHash"/>): what a stored article records it was derived with.</summary>
    public string Hash() => SettingsHash.Of(this, ExtractionSettingsJson.Default.ExtractionSettings);
}

/// <summary>The serializer of <see cref="ExtractionSettings"/>, generated at build time (fast path only).</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(ExtractionSettings))]
internal sealed partial class ExtractionSettingsJson : JsonSerializerContext;

/// <summary>An outlet configuration adds (Outlets:&lt;Name&gt;=&lt;home page&gt;).</summary>
public sealed record ConfiguredOutlet(string Name, Uri HomePage);
