namespace FeedPublisher.Core.Storing;

/// <summary>
/// Where the store's clock stands among the instants at which an article becomes due (its
/// publication date) or leaves (its expiry), the only changes to the feeds that no write makes.
/// </summary>
/// <param name="LastDue">
/// The latest such instant at or before now; null when there is none. While the store's version
/// and this stay the same, the set of articles the feeds show stays the same: any article that
/// became due or expired since would have moved it. So it belongs in the publish key.
/// </param>
/// <param name="NextDue">The earliest such instant after now, when the scheduled worker should publish next; null when none.</param>
public sealed record PublicationSchedule(DateTimeOffset? LastDue, DateTimeOffset? NextDue);
