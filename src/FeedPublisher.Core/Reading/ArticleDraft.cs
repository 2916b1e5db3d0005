namespace FeedPublisher.Core.Reading;

/// <summary>
/// What a reader found in a file before extraction: the title and the body as plain-text
/// paragraphs (lines inside a paragraph are kept, so junk lines can still be told apart).
/// </summary>
public sealed record ArticleDraft(string Title, IReadOnlyList<string> Paragraphs);
