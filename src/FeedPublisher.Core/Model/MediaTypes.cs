namespace FeedPublisher.Core.Model;

/// <summary>
/// Media types from a URL's file extension, for attachments and images whose type was not given.
/// Only the formats feeds carry: podcast audio, web video, documents and web images.
/// </summary>
public static class MediaTypes
{
    public const string Unknown = "application/octet-stream";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".mp3"] = "audio/mpeg", [".m4a"] = "audio/mp4", [".ogg"] = "audio/ogg", [".oga"] = "audio/ogg", [".opus"] = "audio/ogg",
        [".mp4"] = "video/mp4", [".m4v"] = "video/mp4", [".webm"] = "video/webm", [".mov"] = "video/quicktime",
        [".mkv"] = "video/x-matroska", [".pdf"] = "application/pdf",
        [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".png"] = "image/png", [".gif"] = "image/gif",
        [".webp"] = "image/webp", [".avif"] = "image/avif", [".svg"] = "image/svg+xml",
    };

    /// <summary>The type the URL's path ends in, or null when its extension is not one of ours.</summary>
    public static string? FromExtension(Uri url) =>
        ByExtension.GetValueOrDefault(System.IO.Path.GetExtension(url.IsAbsoluteUri ? url.AbsolutePath : url.OriginalString.Split('?', '#')[0]));

    /// <summary>
    /// The type as given ("audio/mpeg"; parameters such as "; codecs=…" left out), in lower case,
    /// or null when it does not read as a media type: then the extension is asked instead.
    /// </summary>
    public static string? Given(string? type)
    {
        var bare = type?.Split(';', 2)[0].Trim().ToLowerInvariant();
        return bare is { Length: > 2 and <= 100 } && bare.Count(c => c == '/') == 1 && bare[0] != '/' && bare[^1] != '/'
            && bare.AsSpan().IndexOfAnyExcept(TokenCharacters) < 0 ? bare : null;
    }

    private static readonly System.Buffers.SearchValues<char> TokenCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789!#$&^_.+-/");
}
