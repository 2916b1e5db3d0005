using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace FeedPublisher.Serving;

/// <summary>
/// The one byte range a GET asks for, decided as RFC 9110 (14.1, 14.2, 13.1.5) says: null means
/// the whole representation (no Range, a Range this server ignores, or an If-Range naming another
/// version), <see cref="Unsatisfiable"/> a range that lies beyond the end (416). Several ranges are
/// answered with the whole file, which RFC 9110 allows: feeds are small, and clients that ask
/// for several ranges at once (PDF readers) do not read feeds. A range counts in bytes of the
/// representation being sent: of the .gz sibling when that is sent.
/// </summary>
public readonly record struct ByteRange(long First, long Last)
{
    public static readonly ByteRange Unsatisfiable = new(-1, -1);

    public bool IsSatisfiable => First >= 0;

    public long Length => Last - First + 1;

    /// <param name="length">The length of the representation being sent.</param>
    /// <param name="tag">Its strong entity tag.</param>
    /// <param name="lastModified">Its Last-Modified, in whole seconds.</param>
    public static ByteRange? For(HttpRequest request, long length, string tag, DateTimeOffset lastModified)
    {
        if (!HttpMethods.IsGet(request.Method) || request.Headers.Range.Count != 1)
        {
            return null;
        }

        var ifRange = request.Headers.IfRange.ToString();
        if (ifRange.Length > 0 && !SameVersion(ifRange.Trim(), tag, lastModified))
        {
            // The client's part belongs to another version: it gets the whole new one.
            return null;
        }

        var value = request.Headers.Range.ToString().Trim();
        const string unit = "bytes=";
        if (!value.StartsWith(unit, StringComparison.OrdinalIgnoreCase) || value.Contains(',', StringComparison.Ordinal))
        {
            return null;
        }

        var spec = value[unit.Length..].Trim();
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return null;
        }

        var (first, last) = (spec[..dash], spec[(dash + 1)..]);
        if (first.Length == 0)
        {
            // bytes=-N: the last N bytes; N=0 asks for nothing, which no representation satisfies.
            return Digits(last) is { } suffix
                ? suffix > 0 && length > 0 ? new ByteRange(Math.Max(0, length - suffix), length - 1) : Unsatisfiable
                : null;
        }

        if (Digits(first) is not { } from || (last.Length > 0 && Digits(last) is not { }) || (Digits(last) is { } to && to < from))
        {
            return null;
        }

        return from >= length ? Unsatisfiable : new ByteRange(from, Math.Min(Digits(last) ?? long.MaxValue, length - 1));
    }

    /// <summary>If-Range: the strong tag of this version, or exactly its Last-Modified; a weak tag never matches.</summary>
    private static bool SameVersion(string ifRange, string tag, DateTimeOffset lastModified) =>
        ifRange.StartsWith('"')
            ? ifRange == tag
            : !ifRange.StartsWith("W/", StringComparison.Ordinal)
              && DateTimeOffset.TryParseExact(ifRange, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
              && date == lastModified;

    /// <summary>1*DIGIT, nothing else (no sign, no spaces); a number too large for a long counts as invalid.</summary>
    private static long? Digits(string text) =>
        text.Length > 0 && text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
