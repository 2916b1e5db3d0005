using System.Buffers;
using System.Text.RegularExpressions;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Extraction;

/// <summary>
/// Finds the outlets that a story cites in its text: "according to Reuters", "in an article by
/// CNBC", "told the BBC", "Bloomberg reported". Only attributions count, and names match with
/// their capitals, so "the hill" or "fox" as ordinary words never become sources.
/// </summary>
/// <remarks>
/// Two small regular expressions find the cues ("according to", "told") and the reporting verbs
/// ("reported", "said"); only there is the outlet directory consulted, by the word after a cue or
/// before a verb. One alternation of every outlet name tried at every position was 70% of
/// extraction time.
/// </remarks>
public sealed partial class SourceFinder
{
    private readonly Dictionary<string, List<(string[] Words, Outlet Outlet)>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string[] Words, Outlet Outlet)>> _byLastWord = new(StringComparer.Ordinal);

    public SourceFinder(OutletDirectory outlets)
    {
        foreach (var outlet in outlets.Outlets)
        {
            foreach (var name in outlet.Aliases.Prepend(outlet.Name).Distinct(StringComparer.Ordinal))
            {
                var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Index(_byFirstWord, words[0] == "The" && words.Length > 1 ? words[1] : words[0], words, outlet);
                Index(_byLastWord, words[^1], words, outlet);
            }
        }
    }

    /// <summary>The cited outlets in the order the text first cites them, each once.</summary>
    public IReadOnlyList<SourceLink> Find(string text)
    {
        var cited = new List<(int Index, Outlet Outlet)>();
        foreach (Match cue in text.AsSpan().ContainsAny(CueWords) ? Cue().Matches(text) : Enumerable.Empty<Match>())
        {
            if (NameAfter(text, cue.Index + cue.Length) is { } outlet)
            {
                cited.Add((cue.Index, outlet));
            }
        }

        foreach (Match verb in Verb().Matches(text))
        {
            var speech = verb.Groups["speech"].Success;
            if (NameBefore(text, verb.Index) is { } found && (!speech || !found.Outlet.Ambiguous))
            {
                cited.Add((found.Start, found.Outlet));
            }
        }

        return cited
            .OrderBy(c => c.Index)
            .Select(c => c.Outlet)
            .DistinctBy(o => o.HomePage.AbsoluteUri)
            .Select(o => new SourceLink(o.Name, o.HomePage))
            .ToList();
    }

    /// <summary>The longest outlet name that starts at <paramref name="start"/> (after spaces and an optional "the").</summary>
    private Outlet? NameAfter(string text, int start)
    {
        var words = WordsFrom(text, start, 8);
        if (words.Count > 0 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            return Longest(words, 1) ?? Longest(words, 0);
        }

        return Longest(words, 0);
    }

    private Outlet? Longest(List<string> words, int skip)
    {
        if (words.Count <= skip || !_byFirstWord.TryGetValue(words[skip], out var candidates))
        {
            return null;
        }

        return candidates
            .Where(c => Matches(words, skip, c.Words))
            .OrderByDescending(c => c.Words.Length)
            .Select(c => c.Outlet)
            .FirstOrDefault();
    }

    private static bool Matches(List<string> words, int skip, string[] name)
    {
        var offset = name[0] == "The" && name.Length > 1 ? 1 : 0;
        if (offset == 1 && (skip == 0 || !words[skip - 1].Equals("the", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (words.Count - skip < name.Length - offset)
        {
            return false;
        }

        for (var i = offset; i < name.Length; i++)
        {
            if (!string.Equals(words[skip + i - offset], name[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The outlet whose name ends right before a verb (allowing "'s" and "has", "also"...).</summary>
    private (int Start, Outlet Outlet)? NameBefore(string text, int verbStart)
    {
        var end = verbStart;
        while (true)
        {
            var (wordStart, word) = WordBefore(text, end);
            if (word is "has" or "had" or "have" or "also" or "later" or "previously" or "recently" or "first")
            {
                end = wordStart;
                continue;
            }

            break;
        }

        var (lastStart, last) = WordBefore(text, end);
        var bare = last.EndsWith("'s", StringComparison.Ordinal) ? last[..^2] : last.EndsWith('\'') ? last[..^1] : last;
        if (bare.Length == 0 || !_byLastWord.TryGetValue(bare, out var candidates))
        {
            return null;
        }

        foreach (var (words, outlet) in candidates.OrderByDescending(c => c.Words.Length))
        {
            var start = lastStart;
            var matched = true;
            for (var i = words.Length - 2; i >= 0 && matched; i--)
            {
                var (previousStart, previous) = WordBefore(text, start);
                matched = words[i] == "The" ? previous.Equals("the", StringComparison.OrdinalIgnoreCase) : previous == words[i];
                start = previousStart;
            }

            if (matched && (start == 0 || !char.IsLetterOrDigit(text[start - 1])))
            {
                return (start, outlet);
            }
        }

        return null;
    }

    private static List<string> WordsFrom(string text, int start, int count)
    {
        var words = new List<string>(count);
        var i = start;
        while (words.Count < count && i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var begin = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && !IsPunctuationEnd(text, i))
            {
                i++;
            }

            if (i == begin)
            {
                break;
            }

            words.Add(text[begin..i]);
            if (i < text.Length && IsPunctuationEnd(text, i))
            {
                break;
            }
        }

        return words;
    }

    /// <summary>The word that ends (before spaces) at <paramref name="end"/>, and where it starts.</summary>
    private static (int Start, string Word) WordBefore(string text, int end)
    {
        var i = end;
        while (i > 0 && char.IsWhiteSpace(text[i - 1]))
        {
            i--;
        }

        var stop = i;
        while (i > 0 && !char.IsWhiteSpace(text[i - 1]) && text[i - 1] is not (',' or '.' or ';' or ':' or '(' or '"' or '“'))
        {
            i--;
        }

        return (i, text[i..stop]);
    }

    /// <summary>Punctuation that ends a name: "According to Reuters, ..." or "told CNN."</summary>
    private static bool IsPunctuationEnd(string text, int i) =>
        text[i] is ',' or ';' or ':' or '!' or '?' or ')' or '"' or '”'
        || (text[i] == '.' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));

    private static void Index(Dictionary<string, List<(string[], Outlet)>> index, string key, string[] words, Outlet outlet)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add((words, outlet));
    }

    /// <summary>
    /// A word that every cue below contains. Most texts hold none, and one vectorized search for
    /// all of them is much cheaper than the cue expression, whose first letters are a third of
    /// English text.
    /// </summary>
    private static readonly SearchValues<string> CueWords = SearchValues.Create(
        ["according", "article", "report", "story", "interview", "piece", "op-ed", "editorial", "investigation", "analysis", "exclusive",
         "told", "speaking", "wrote", "writing", "cited", "quoted"],
        StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("""
        (?<!\w)(?:
            according\s+to
          | (?:in|from)\s+an?\s+(?:article|report|story|interview|piece|op-ed|editorial|investigation|analysis|exclusive)\s+(?:by|from|in|on|with|for|published\s+by)
          | an?\s+(?:report|article|story|investigation|analysis)\s+(?:by|from|in)
          | (?:first\s+)?reported\s+by
          | told
          | speaking\s+to
          | in\s+an\s+interview\s+with
          | (?:wrote|writing)\s+(?:in|for)
          | (?:cited|quoted)\s+by
          | (?:as\s+)?reported\s+in
        )(?=\s)
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Cue();

    // The verb after a word and a space. The look-behind comes last: leading, it was tried at every
    // position of the text and made this five times slower.
    [GeneratedRegex("""
        \b(?:(?<reporting>reported|reports|wrote|writes|revealed|published|learned|obtained)|(?<speech>said|says|confirmed|noted|added))(?!\w)(?<=\S\s+\w+)
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Verb();
}
