using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using FeedPublisher.Core.Extraction;

namespace FeedPublisher.Core.Settings;

/// <summary>
/// The SHA-256 of settings records, serialized whole as JSON by a source-generated context: every
/// public property of every record, in declaration order, without reflection at run time (the
/// reflection-based serializer cost 50-100 ms of every publish process) and without a hand-kept
/// list of fields that a new setting could be missing from.
/// </summary>
public static class SettingsHash
{
    /// <summary>The hash of what derives stored article data (summaries, bodies, sources, URLs).</summary>
    public static string Of(ExtractionSettings settings) => Hash(JsonSerializer.SerializeToUtf8Bytes(settings, SettingsJsonContext.Default.ExtractionSettings));

    /// <summary>The hash of everything that shapes the feed directory.</summary>
    public static string Of(OutputSettings settings) => Hash(JsonSerializer.SerializeToUtf8Bytes(settings, SettingsJsonContext.Default.OutputSettings));

    /// <summary>The canonical text that <see cref="Of(OutputSettings)"/> hashes, for tests and for reading what a key was made of.</summary>
    public static string Text(OutputSettings settings) => JsonSerializer.Serialize(settings, SettingsJsonContext.Default.OutputSettings);

    private static string Hash(byte[] json) => Convert.ToHexStringLower(SHA256.HashData(json));
}

/// <summary>The serializer of the settings records, generated at build time.</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(OutputSettings))]
[JsonSerializable(typeof(ExtractionSettings))]
internal sealed partial class SettingsJsonContext : JsonSerializerContext;
