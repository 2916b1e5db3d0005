namespace FeedPublisher.Core.Model;

/// <summary>A category or author with articles: its name as first written, its URL slug (fixed once given) and how many articles it has.</summary>
public sealed record FeedTerm(TermKind Kind, string Slug, string Name, int Articles);
