using System.Globalization;
using System.Text;

namespace FeedPublisher.Core.Diagnostics;

/// <summary>
/// A file name or message from outside, made safe for one line of a report or log: control
/// characters and line separators are written as escapes (a newline as "\n"), so a file named
/// "a\n2026-12-05 fail: forged" cannot print a line of its own.
/// </summary>
public static class OneLine
{
    public static string Of(string text)
    {
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var line = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => line.Append("\\n"),
                '\r' => line.Append("\\r"),
                '\t' => line.Append("\\t"),
                _ when NeedsEscape(c) => line.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => line.Append(c),
            };
        }

        return line.ToString();
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085';
}
