namespace FeedPublisher.Core.Reading;

/// <summary>An article file's text, and a warning when its bytes needed a fallback to be read.</summary>
public sealed record DecodedText(string Text, string? Warning);
