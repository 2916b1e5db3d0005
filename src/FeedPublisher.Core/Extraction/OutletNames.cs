namespace FeedPublisher.Core.Extraction;

/// <summary>
/// The names (and aliases) of a directory's outlets, matched word for word and with their
/// capitals in a text: the name right after a cue, or the name right before a verb. Where names
/// overlap ("Fox" and "Fox News"), the longest wins.
/// </summary>
internal sealed class OutletNames
{
    /// <summary>Words between a name and its verb that do not break the attribution ("Reuters has also reported").</summary>
    private static readonly string[] Fillers = ["has", "had", "have", "also", "later", "previously", "recently", "first"];

    /// <summary>Pieces of journalism, as in "according to a Bloomberg report": what makes a name after "a" an outlet's.</summary>
    private static readonly string[] Works =
        ["report", "article", "story", "investigation", "analysis", "interview", "piece", "editorial", "op-ed", "exclusive",
         "survey", "poll", "tally", "count", "review", "estimate", "calculation", "documentary", "podcast", "broadcast"];

    // Longest name first (a stable order, so among names of one length the directory's order decides).
    private readonly Dictionary<string, List<(string[] Words, Outlet Outlet)>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string[] Words, Outlet Outlet)>>.AlternateLookup<ReadOnlySpan<char>> _byLastWord;

    public OutletNames(OutletDirectory outlets)
    {
        var byLastWord = new Dictionary<string, List<(string[] Words, Outlet Outlet)>>(StringComparer.Ordinal);
        foreach (var outlet in outlets.Outlets)
        {
            foreach (var name in outlet.Aliases.Prepend(outlet.Name).Distinct(StringComparer.Ordinal))
            {
                var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Index(_byFirstWord, words[0] == "The" && words.Length > 1 ? words[1] : words[0], words, outlet);
                Index(byLastWord, words[^1], words, outlet);
            }
        }

        LongestFirst(_byFirstWord);
        LongestFirst(byLastWord);
        _byLastWord = byLastWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The longest outlet name that starts at <paramref name="start"/> (after spaces and an
    /// optional "the"), or that names the kind of a work after "a": "a Bloomberg report".
    /// </summary>
    public Outlet? After(string text, int start)
    {
        var words = NameWords.From(text, start, 8);
        if (words.Count > 0 && words[0] is "a" or "an")
        {
            return WorkBy(words);
        }

        if (words.Count > 0 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            return Longest(words, 1)?.Outlet ?? Longest(words, 0)?.Outlet;
        }

        return Longest(words, 0)?.Outlet;
    }

    /// <summary>
    /// "a Bloomberg report", "an Associated Press tally", "a recent CNN poll": after "a", the
    /// name counts only when a word for a piece of journalism follows it, so that "a Bloomberg
    /// spokesman" (the man's) or "a Time Warner filing" is no source. One lowercase word may
    /// stand between ("recent", "new").
    /// </summary>
    private Outlet? WorkBy(List<string> words)
    {
        for (var skip = 1; skip <= 2 && skip < words.Count; skip++)
        {
            if (skip == 2 && !char.IsLower(words[1][0]))
            {
                break;
            }

            if (Longest(words, skip) is { } name && skip + name.Words < words.Count && IsWork(words[skip + name.Words]))
            {
                return name.Outlet;
            }
        }

        return null;
    }

    private static bool IsWork(string word)
    {
        foreach (var work in Works)
        {
            if (word.Equals(work, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The outlet whose name ends right before a verb (allowing "'s" and "has", "also"...), and where the name starts.</summary>
    public (int Start, Outlet Outlet)? Before(string text, int verbStart)
    {
        var last = NameWords.Before(text, verbStart, out var lastStart);
        while (IsFiller(last))
        {
            last = NameWords.Before(text, lastStart, out lastStart);
        }

        var bare = last.EndsWith("'s", StringComparison.Ordinal) ? last[..^2] : last.EndsWith('\'') ? last[..^1] : last;
        if (bare.Length == 0 || !_byLastWord.TryGetValue(bare, out var candidates))
        {
            return null;
        }

        foreach (var (words, outlet) in candidates)
        {
            var start = lastStart;
            var matched = true;
            for (var i = words.Length - 2; i >= 0 && matched; i--)
            {
                var previous = NameWords.Before(text, start, out var previousStart);
                matched = words[i] == "The" ? previous.Equals("the", StringComparison.OrdinalIgnoreCase) : previous.SequenceEqual(words[i]);
                start = previousStart;
            }

            if (matched && (start == 0 || !char.IsLetterOrDigit(text[start - 1])))
            {
                return (start, outlet);
            }
        }

        return null;
    }

    /// <summary>The longest name whose words start at <paramref name="skip"/>, and how many of the words it takes.</summary>
    private (Outlet Outlet, int Words)? Longest(List<string> words, int skip)
    {
        if (words.Count <= skip || !_byFirstWord.TryGetValue(words[skip], out var candidates))
        {
            return null;
        }

        foreach (var (name, outlet) in candidates)
        {
            if (Matches(words, skip, name))
            {
                // A "The" in the name was matched by the text's "the" before skip, not after it.
                return (outlet, name[0] == "The" && name.Length > 1 ? name.Length - 1 : name.Length);
            }
        }

        return null;
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

    private static bool IsFiller(ReadOnlySpan<char> word)
    {
        foreach (var filler in Fillers)
        {
            if (word.SequenceEqual(filler))
            {
                return true;
            }
        }

        return false;
    }

    private static void Index(Dictionary<string, List<(string[], Outlet)>> index, string key, string[] words, Outlet outlet)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add((words, outlet));
    }

    private static void LongestFirst(Dictionary<string, List<(string[] Words, Outlet Outlet)>> index)
    {
        foreach (var list in index.Values)
        {
            var ordered = list.OrderByDescending(c => c.Words.Length).ToList();
            list.Clear();
            list.AddRange(ordered);
        }
    }
}
