namespace FeedPublisher.Core.Ingesting;

/// <summary>An entry of the articles folder that was not read, and why; a folder's skip covers everything below it.</summary>
internal sealed record WalkSkip(string RelativePath, string Reason, bool IsFolder = false);
