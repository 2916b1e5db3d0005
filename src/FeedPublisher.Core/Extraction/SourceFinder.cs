using System.Text.RegularExpressions;
using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Extraction;

/// <summary>
/// Finds the outlets that a story cites in its text: "according to Reuters", "in an article by
/// CNBC", "told the BBC", "Bloomberg reported". Only attributions count, and names match with
/// their capitals, so "the hill" or "fox" as ordinary words never become sources.
/// </summary>
public sealed class SourceFinder
{
    private const string Cues = """
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
        """;

    private const string ReportingVerbs = "reported|reports|first\\s+reported|wrote|writes|revealed|published|learned|obtained";
    private const string SpeechVerbs = "said|says|confirmed|noted|added";

    private readonly OutletDirectory _outlets;
    private readonly Regex _cueThenName;
    private readonly Regex _nameThenVerb;

    public SourceFinder(OutletDirectory outlets)
    {
        _outlets = outlets;
        var names = string.Join('|', outlets.Outlets
            .SelectMany(o => o.Aliases.Prepend(o.Name))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(n => n.Length)
            .Select(NamePattern));
        const RegexOptions options = RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant | RegexOptions.Compiled;
        _cueThenName = new Regex($@"(?<!\w)(?i:{Cues})\s+(?:(?i:the)\s+)?(?<name>{names})(?!\w)", options);
        _nameThenVerb = new Regex($@"(?<!\w)(?<name>{names})(?:'s?)?\s+(?:(?:has|had|have|also|later|previously|recently)\s+)?(?<verb>(?i:{ReportingVerbs})|(?i:{SpeechVerbs}))(?!\w)", options);
    }

    /// <summary>The cited outlets in the order the text first cites them, each once.</summary>
    public IReadOnlyList<SourceLink> Find(string text)
    {
        var cited = _cueThenName.Matches(text).Select(m => (m.Index, Outlet: Resolve(m, ambiguousAllowed: true)))
            .Concat(_nameThenVerb.Matches(text).Select(m => (m.Index, Outlet: Resolve(m, ambiguousAllowed: IsReportingVerb(m)))));

        return cited
            .Where(c => c.Outlet is not null)
            .OrderBy(c => c.Index)
            .Select(c => c.Outlet!)
            .DistinctBy(o => o.HomePage.AbsoluteUri)
            .Select(o => new SourceLink(o.Name, o.HomePage))
            .ToList();
    }

    private Outlet? Resolve(Match match, bool ambiguousAllowed)
    {
        var outlet = _outlets.Find(Regex.Replace(match.Groups["name"].Value, @"\s+", " "));
        return outlet is { Ambiguous: true } && !ambiguousAllowed ? null : outlet;
    }

    private static bool IsReportingVerb(Match match) =>
        !Regex.IsMatch(match.Groups["verb"].Value, $"^(?:{SpeechVerbs})$", RegexOptions.IgnoreCase);

    /// <summary>"The Hill" also matches "the Hill" mid-sentence; spaces match any whitespace, e.g. a line break.</summary>
    private static string NamePattern(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape).ToArray();
        if (words[0] == "The" && words.Length > 1)
        {
            words[0] = "[Tt]he";
        }

        return string.Join(@"\s+", words);
    }
}
