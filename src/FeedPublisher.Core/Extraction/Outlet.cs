namespace FeedPublisher.Core.Extraction;

/// <summary>
/// A news outlet that articles cite. An <see cref="Ambiguous"/> name is also an ordinary word or a
/// person's name ("Time", "Bloomberg"), so only an unmistakable attribution counts for it.
/// </summary>
public sealed record Outlet(string Name, Uri HomePage, IReadOnlyList<string> Aliases, bool Ambiguous);
