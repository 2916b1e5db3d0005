using System.Security.Cryptography;
using System.Text;

namespace FeedPublisher.Core.Building;

/// <summary>
/// URL slugs: lower-case ASCII letters, digits and single hyphens, at most <see cref="MaxLength"/>
/// characters, so a slug can never name a path outside its folder. Accents are dropped
/// ("Zürich" → "zurich"); a name with no Latin letters at all gets a stable hash ("t-3f2a9c01").
/// </summary>
public static class Slug
{
    public const int MaxLength = 60;

    public static string From(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            var lower = char.ToLowerInvariant(c);
            if (char.IsAsciiLetterLower(lower) || char.IsAsciiDigit(lower))
            {
                slug.Append(lower);
            }
            else if (AsciiFolding.Fold(c) is { } folded)
            {
                slug.Append(folded);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength].TrimEnd('-');
        }

        return text.Length > 0 ? text : "t-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
    }

    /// <summary>True for a string that <see cref="From"/> could have produced.</summary>
    public static bool IsValid(string slug) =>
        slug.Length is > 0 and <= MaxLength + 3 && slug[0] != '-' && slug[^1] != '-' && !slug.Contains("--", StringComparison.Ordinal)
        && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
