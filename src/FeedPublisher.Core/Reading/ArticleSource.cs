namespace FeedPublisher.Core.Reading;

/// <summary>One article file, decoded: its path relative to the articles folder ('/' separated) and its text.</summary>
public sealed record ArticleSource(string RelativePath, string Text);
