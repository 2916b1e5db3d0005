namespace FeedPublisher.Core.Model;

/// <summary>
/// A category or author with articles: its name as first written and its URL slug (fixed once
/// given). No article count: counting every term's articles on every publish cost a scan of all
/// term links (250 ms at 100,000 articles), and nothing shows the count.
/// </summary>
public sealed record FeedTerm(TermKind Kind, string Slug, string Name);
