namespace FeedPublisher.Core.Storing;

/// <summary>
/// One page of the main feed's archive (RFC 5005): page 1 holds the first articles that entered
/// the store. <see cref="Complete"/> pages can gain no new article, so once written they only
/// change when one of their own articles is edited or removed, which <see cref="Fingerprint"/> tells.
/// </summary>
public sealed record ArchivePage(int Number, int Articles, string Fingerprint, bool Complete);
