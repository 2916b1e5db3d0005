using System.Text;
using System.Text.Json.Nodes;

namespace FeedPublisher.Core.Tests.Fuzzing;

/// <summary>
/// Deterministic article mutations: case n of a seed is always the same file. One to three of the
/// mutations below are applied to a seed article, which keeps its extension or, now and then, is
/// read as another format.
/// </summary>
public sealed class ArticleMutator(IReadOnlyList<(string Name, byte[] Bytes)> seeds, IReadOnlyList<string> vectors)
{
    private static readonly string[] Extensions = [".txt", ".md", ".html", ".json"];

    /// <summary>What readers nest or repeat: tags, quotes, lists, emphasis, brackets, JSON, YAML, references, comments.</summary>
    private static readonly string[] Nestings =
    [
        "<div>", "<b><i>", "<table><tr><td>", "<ul><li>", "<svg><g>", "<!--", "<![CDATA[", "> ", "- ", "  ", "* ", "_", "[", "](", "`", "~~~\n",
        "{\"a\":", "[", "\\", "&#", "&amp;", "a: &a\n", "- *a\n", "? ", "\t", "\r", "\u200B", "\uFEFF",
    ];

    /// <summary>Byte sequences that are not UTF-8, or are its edge cases.</summary>
    private static readonly byte[][] BadBytes =
    [
        [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xFF], [0xFE, 0xFF], [0xFF, 0xFE], [0xEF, 0xBB, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0x00], [0xE2, 0x80],
    ];

    public (string Name, byte[] Bytes, string How) Case(int seed, int n)
    {
        var random = new Random(unchecked((seed * 1_000_003) + n)); // not HashCode.Combine, which differs per process
        var (name, bytes) = seeds[random.Next(seeds.Count)];
        var how = new List<string> { name };
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            (bytes, var what) = Mutate(random, bytes, name);
            how.Add(what);
        }

        var extension = random.Next(10) == 0 ? Extensions[random.Next(Extensions.Length)] : Path.GetExtension(name);
        return ($"fuzz/{n}{extension}", bytes, string.Join(", ", how));
    }

    private (byte[] Bytes, string What) Mutate(Random random, byte[] bytes, string name)
    {
        var at = random.Next(bytes.Length + 1);
        switch (random.Next(9))
        {
            case 0:
                return (bytes[..at], $"truncated at {at}");
            case 1:
                var flipped = bytes.ToArray();
                for (var i = random.Next(1, 9); i > 0 && flipped.Length > 0; i--)
                {
                    flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                }

                return (flipped, "bits flipped");
            case 2:
                var noise = new byte[random.Next(1, 65)];
                random.NextBytes(noise);
                return (Insert(bytes, at, noise), $"{noise.Length} random bytes at {at}");
            case 3:
                var vector = vectors[random.Next(vectors.Count)];
                return (Insert(bytes, at, Encoding.UTF8.GetBytes(vector)), $"vector at {at}: {vector}");
            case 4:
                return InValue(random, bytes, name);
            case 5:
                var (other, otherBytes) = seeds[random.Next(seeds.Count)];
                var cut = random.Next(otherBytes.Length + 1);
                return ([.. bytes[..at], .. otherBytes[cut..]], $"spliced with {other} at {at}/{cut}");
            case 6:
                var nesting = Nestings[random.Next(Nestings.Length)];
                var times = random.Next(100, 20_001);
                return (Insert(bytes, at, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(nesting, times)))), $"{times} × {nesting.Trim()} at {at}");
            case 7:
                var start = random.Next(bytes.Length + 1);
                var slice = bytes[start..Math.Min(bytes.Length, start + random.Next(1, 200))];
                var copies = random.Next(2, 101);
                return (Insert(bytes, at, [.. Enumerable.Repeat(slice, copies).SelectMany(s => s)]), $"{copies} copies of {slice.Length} bytes at {at}");
            default:
                var bad = BadBytes[random.Next(BadBytes.Length)];
                return (Insert(bytes, at, bad), $"{Convert.ToHexString(bad)} at {at}");
        }
    }

    /// <summary>A vector where the format keeps values: a JSON string, a front-matter value, a title line.</summary>
    private (byte[] Bytes, string What) InValue(Random random, byte[] bytes, string name)
    {
        var vector = vectors[random.Next(vectors.Count)];
        var text = Encoding.UTF8.GetString(bytes);
        if (Path.GetExtension(name) == ".json" && TryParse(text) is JsonObject json && json.Count > 0)
        {
            var key = json.ElementAt(random.Next(json.Count)).Key;
            json[key] = vector;
            return (Encoding.UTF8.GetBytes(json.ToJsonString()), $"\"{key}\": {vector}");
        }

        var lines = text.Split('\n');
        var line = random.Next(Math.Min(lines.Length, 8));
        var colon = lines[line].IndexOf(':', StringComparison.Ordinal);
        lines[line] = colon > 0 ? $"{lines[line][..(colon + 1)]} {vector}" : vector + lines[line];
        return (Encoding.UTF8.GetBytes(string.Join('\n', lines)), $"line {line}: {vector}");
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            var node = JsonNode.Parse(text);
            _ = (node as JsonObject)?.Count; // an object's keys are read lazily: a duplicate key throws here
            return node;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException)
        {
            return null;
        }
    }

    private static byte[] Insert(byte[] bytes, int at, byte[] inserted) => [.. bytes[..at], .. inserted, .. bytes[at..]];
}
