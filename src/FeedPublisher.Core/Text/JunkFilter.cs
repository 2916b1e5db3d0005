using System.Text.RegularExpressions;

namespace FeedPublisher.Core.Text;

/// <summary>
/// Removes the furniture that pages and syndication wrap around a story: share prompts,
/// "More from X", follow/subscribe calls, related-story headers, advertisement markers.
/// Trailing junk lines are removed wherever they stand in the last paragraphs; elsewhere only a
/// paragraph made entirely of junk lines goes, so a wrapped sentence that happens to start with
/// "More from" inside a real paragraph is never cut.
/// </summary>
public static partial class JunkFilter
{
    /// <summary>Real paragraphs are longer than this; junk lines are short.</summary>
    internal const int MaxJunkLength = 200;

    public static IReadOnlyList<string> Clean(IReadOnlyList<string> paragraphs)
    {
        var kept = paragraphs
            .Where(paragraph => !paragraph.Split('\n').All(IsJunkLine))
            .ToList();

        while (kept.Count > 0)
        {
            var lines = kept[^1].Split('\n');
            var end = lines.Length;
            while (end > 0 && IsJunkLine(lines[end - 1]))
            {
                end--;
            }

            if (end == lines.Length)
            {
                break;
            }

            if (end == 0)
            {
                kept.RemoveAt(kept.Count - 1);
            }
            else
            {
                kept[^1] = string.Join('\n', lines[..end]);
                break;
            }
        }

        return kept;
    }

    public static bool IsJunkLine(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length == 0 || (trimmed.Length <= MaxJunkLength && JunkLinePattern().IsMatch(trimmed));
    }

    [GeneratedRegex("""
        ^(?:
            (?:share|tweet|email|e-mail|pin|print)\s+(?:this|the)\s+(?:article|story|post|page|video)\b
          | share\s+(?:on|via|with)\b
          | (?:more|read\s+more|more\s+stories|more\s+news|latest)\s+(?:from|on|at)\s+\S[^.!?]*$
          | (?:follow|like|find)\s+us\b
          | follow\s+\S+(?:\s+\S+)?\s+on\s+(?:twitter|x|facebook|instagram|linkedin|tiktok|threads|bluesky)\b
          | (?:subscribe|sign\s+up|signup|register)\b.*\b(?:newsletter|updates|alerts|channel|podcast|free|today|now|here|inbox)\b
          | subscribe\s*[:!.]?$
          | related(?:\s+(?:articles?|stories|posts|coverage|content|news|links|reading))?\s*(?::.*)?$
          | (?:read\s+(?:more|next|also)|see\s+also|also\s+read|recommended(?:\s+for\s+you)?|you\s+(?:may|might)\s+also\s+like|trending(?:\s+now)?|most\s+(?:read|popular))\b
          | (?:advertisement|sponsored(?:\s+content)?|ad|promoted)\s*$
          | (?:click|tap)\s+here\b
          | (?:copyright\b|©|\(c\)\s*\d{4})
        )
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex JunkLinePattern();
}
