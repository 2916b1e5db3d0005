using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FeedPublisher.Core.Settings;

/// <summary>
/// The SHA-256 of a settings record, serialized whole as JSON by a source-generated context
/// (<see cref="Extraction.ExtractionSettings"/>, <see cref="Publishing.OutputSettings"/>): every public
/// property of every record, in declaration order, without reflection at run time (the
/// reflection-based serializer cost 50-100 ms of every publish process; this costs 20-30 ms in a
/// fresh process, microseconds after) and without a hand-kept list of fields that a new setting
/// could be missing from.
/// </summary>
public static class SettingsHash
{
    public static string Of<T>(T settings, JsonTypeInfo<T> json) => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(settings, json)));

    /// <summary>The canonical text that <see cref="Of"/> hashes, for tests and for reading what a key was made of.</summary>
    public static string Text<T>(T settings, JsonTypeInfo<T> json) => JsonSerializer.Serialize(settings, json);
}
