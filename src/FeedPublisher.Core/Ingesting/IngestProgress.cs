namespace FeedPublisher.Core.Ingesting;

/// <summary>How far an ingest is: files looked at out of all the files found.</summary>
public readonly record struct IngestProgress(int Done, int Total);
