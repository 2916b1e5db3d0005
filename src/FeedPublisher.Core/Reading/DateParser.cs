using System.Globalization;

namespace FeedPublisher.Core.Reading;

/// <summary>Dates as articles write them (ISO 8601, RFC 1123, a bare day); without a zone they are UTC.</summary>
public static class DateParser
{
    private const DateTimeStyles Styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, Styles, out var date) ? date : null;
    }
}
