namespace FeedPublisher.IntegrationTests.Hostile;

/// <summary>
/// The hostile corpus: the sanitizer's filter-evasion vectors (script, handlers, URL schemes,
/// entity-encoded, mixed case, SVG, MathML, style, meta, base, form, srcset, unclosed, CDATA) and
/// plain text that only looks like markup, from the unit tests' files.
/// </summary>
public static class HostileVectors
{
    private static readonly string Folder = Path.Combine(Support.RepositoryPaths.Root, "tests", "FeedPublisher.Core.Tests", "TestData", "Sanitizer");

    /// <summary>Vectors that try to run script.</summary>
    public static IReadOnlyList<string> Executable { get; } = Load("xss-vectors.txt");

    /// <summary>Text a reader must see exactly as written.</summary>
    public static IReadOnlyList<string> TextLookalikes { get; } = Load("text-lookalikes.txt");

    public static IReadOnlyList<string> All { get; } = [.. Executable, .. TextLookalikes];

    /// <summary>One vector a line; "\n", "\t", "\r" and "\0" stand for the control characters.</summary>
    private static List<string> Load(string name) => File.ReadAllLines(Path.Combine(Folder, name))
        .Where(line => line.Trim().Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal)
            .Replace("\\r", "\r", StringComparison.Ordinal).Replace("\\0", "\0", StringComparison.Ordinal))
        .ToList();
}
