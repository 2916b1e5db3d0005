namespace FeedPublisher.Core.Extraction;

/// <summary>
/// Splits prose into sentences. A '.', '!', '?' or '…' ends a sentence when closing quotes or
/// brackets may follow it, then whitespace, then something that can start a sentence. A period
/// after a known abbreviation (Mr., U.S., Jan., No. 10, e.g.) or a single initial does not end one;
/// decimals (3.5) never qualify because no whitespace follows their point.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "gov", "sen", "rep", "rev",
        "lt", "col", "capt", "cmdr", "sgt", "maj", "adm", "pres", "hon", "supt", "insp", "det",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "no", "nos", "vs", "v", "approx", "est", "inc", "ltd", "co", "corp", "bros", "dept", "univ",
        "ave", "blvd", "rd", "fig", "vol", "ch", "pp", "ed", "eds", "al", "cf",
        "e.g", "i.e", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "d.c", "n.y", "l.a",
    };

    private const string ClosingMarks = "\"'”’)]»";
    private const string OpeningMarks = "\"'“‘([«¿¡";

    public static IReadOnlyList<string> Split(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsTerminator(text[i]))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && (IsTerminator(text[end]) || ClosingMarks.Contains(text[end])))
            {
                end++;
            }

            if (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                i = end - 1;
                continue;
            }

            var next = end;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next == text.Length || (StartsSentence(text, next) && !IsAbbreviationBefore(text, i)))
            {
                Add(text[start..end]);
                start = next;
            }

            i = end - 1;
        }

        Add(text[start..]);
        return sentences;

        void Add(string sentence)
        {
            sentence = sentence.Trim();
            if (sentence.Length > 0)
            {
                sentences.Add(sentence);
            }
        }
    }

    private static bool IsTerminator(char c) => c is '.' or '!' or '?' or '…';

    private static bool StartsSentence(string text, int index)
    {
        var c = text[index];
        return char.IsUpper(c) || char.IsDigit(c) || OpeningMarks.Contains(c);
    }

    /// <summary>True when the period at <paramref name="dot"/> closes an abbreviation or an initial.</summary>
    private static bool IsAbbreviationBefore(string text, int dot)
    {
        if (text[dot] != '.' || (dot + 1 < text.Length && text[dot + 1] == '.') || (dot > 0 && text[dot - 1] == '.'))
        {
            return false;
        }

        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        if (word.Length == 0)
        {
            return false;
        }

        // A lone capital ("J. Smith") is an initial; a dotted acronym ("U.S.", "N.Y.") is one too.
        return (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word) || IsDottedAcronym(word);
    }

    private static bool IsDottedAcronym(string word) =>
        word.Contains('.') && word.Split('.').All(part => part.Length == 1 && char.IsLetter(part[0]));
}
