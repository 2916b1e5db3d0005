using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Extraction;

/// <summary>
/// Finds the outlets that a story cites in its text: "according to Reuters", "in an article by
/// CNBC", "told the BBC", "Bloomberg reported". Only attributions count, and names match with
/// their capitals, so "the hill" or "fox" as ordinary words never become sources.
/// </summary>
/// <remarks>
/// The cues ("according to", "told") and the reporting verbs ("reported", "said") are found first
/// (<see cref="AttributionSearch"/>); only there is the outlet directory consulted, by the words
/// after a cue or before a verb. One alternation of every outlet name tried at every position was
/// 70% of extraction time.
/// </remarks>
public sealed class SourceFinder(OutletDirectory outlets)
{
    private readonly OutletNames _names = new(outlets);

    /// <summary>The cited outlets in the order the text first cites them, each once.</summary>
    public IReadOnlyList<SourceLink> Find(string text)
    {
        var cited = new List<(int Index, Outlet Outlet)>();
        foreach (var (start, end) in AttributionSearch.Cues(text))
        {
            if (_names.After(text, end) is { } outlet)
            {
                cited.Add((start, outlet));
            }
        }

        foreach (var (start, speech) in AttributionSearch.Verbs(text))
        {
            if (_names.Before(text, start) is { } found && (!speech || !found.Outlet.Ambiguous))
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
}
