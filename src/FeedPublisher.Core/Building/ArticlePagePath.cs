using System.Text.RegularExpressions;

namespace FeedPublisher.Core.Building;

/// <summary>
/// Where an article's page lives below the site's base URL: by the month it was published and a
/// slug of its file name, "2026/08/kim-dialogue/" (a folder, served by its index.html, so the link
/// has no extension to outlive). The slug comes from the id's last segment, which is the file
/// name for articles without an id of their own: a file name is what an author keeps, where a
/// title gets corrected. A Jekyll date prefix ("2026-08-15-") is left out, since the path says the
/// month already. Two articles whose paths would meet are told apart by the publish
/// (<see cref="Alternative"/>); see <see cref="ArticleLinks"/>.
/// </summary>
public static partial class ArticlePagePath
{
    /// <summary>The page's file in its folder.</summary>
    public const string FileName = "index.html";

    public static string For(string id, DateTimeOffset published)
    {
        var date = published.UtcDateTime;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{date:yyyy}/{date:MM}/{SlugOf(id)}/");
    }

    /// <summary>The slug of an id: its last segment, without a leading date, as <see cref="Slug.From"/> makes it.</summary>
    public static string SlugOf(string id)
    {
        var name = id[(id.LastIndexOf('/') + 1)..];
        var dated = DatePrefix().Match(name);
        return Slug.From(dated.Success && dated.Length < name.Length ? name[dated.Length..] : name);
    }

    /// <summary>The <paramref name="n"/>-th path for a page whose own is taken: "2026/08/kim-dialogue-2/".</summary>
    public static string Alternative(string path, int n) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path[..^1]}-{n}/");

    /// <summary>True when <paramref name="path"/> is <paramref name="own"/> or one of its alternatives.</summary>
    public static bool IsFor(string path, string own)
    {
        if (path == own)
        {
            return true;
        }

        var stem = own[..^1] + "-";
        return path.Length > stem.Length + 1 && path.StartsWith(stem, StringComparison.Ordinal) && path[^1] == '/'
            && path[stem.Length] != '0' && !path.AsSpan(stem.Length, path.Length - stem.Length - 1).ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>The file of the page at <paramref name="path"/>, relative to the feed directory.</summary>
    public static string FileOf(string path) => path + FileName;

    /// <summary>True for a path <see cref="For"/> or <see cref="Alternative"/> could have made: nothing else is ever deleted as a page.</summary>
    public static bool IsWellFormed(string path) => path.Length <= "yyyy/mm//".Length + Slug.MaxLength + 12 && WellFormed().IsMatch(path);

    [GeneratedRegex(@"^[0-9]{4}/[0-9]{2}/[a-z0-9]+(?:-[a-z0-9]+)*/\z", RegexOptions.CultureInvariant)]
    private static partial Regex WellFormed();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}-", RegexOptions.CultureInvariant)]
    private static partial Regex DatePrefix();
}
