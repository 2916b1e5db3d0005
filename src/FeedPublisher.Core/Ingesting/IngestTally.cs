namespace FeedPublisher.Core.Ingesting;

/// <summary>
/// The outcomes of an ingest pass as counts, keeping only the files that have something to say
/// (problems, withheld as drafts, unknown keys): a pass over 100,000 files holds its report, not a record per file.
/// </summary>
internal sealed class IngestTally
{
    private readonly List<IngestedFile> _withProblems = [];
    private readonly List<IngestedFile> _withheld = [];
    private readonly List<IngestedFile> _withUnknownKeys = [];

    public int Files { get; private set; }

    public int Added { get; private set; }

    public int Updated { get; private set; }

    public int Unchanged { get; private set; }

    /// <summary>Items taken out of their JSON Feed documents.</summary>
    public int Removed { get; private set; }

    /// <summary>The files with problems, in the order they were counted.</summary>
    public IReadOnlyList<IngestedFile> WithProblems => _withProblems;

    /// <summary>The files kept out of the feeds (drafts, expired), in the order they were counted.</summary>
    public IReadOnlyList<IngestedFile> Withheld => _withheld;

    /// <summary>The files with keys that no reader knows, in the order they were counted.</summary>
    public IReadOnlyList<IngestedFile> WithUnknownKeys => _withUnknownKeys;

    public void Add(IEnumerable<IngestedFile> outcomes)
    {
        foreach (var file in outcomes)
        {
            if (file.Removed)
            {
                Removed++;
                continue;
            }

            Files++;
            Added += file.Saved && !file.Known ? 1 : 0;
            Updated += file.Saved && file.Known ? 1 : 0;
            Unchanged += file.Unchanged ? 1 : 0;
            if (file.Problems.Count > 0)
            {
                _withProblems.Add(file);
            }

            if (file.Withheld is not null)
            {
                _withheld.Add(file);
            }

            if (file.UnknownKeys.Count > 0)
            {
                _withUnknownKeys.Add(file);
            }
        }
    }
}
