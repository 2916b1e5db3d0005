namespace FeedPublisher.Core.Model;

/// <summary>
/// What every feed says about the site beside its title: the pictures readers show next to it, the
/// rights, who answers for it, and how long a reader may keep a copy. Each part is optional and an
/// absent one writes nothing, so a site that sets none publishes exactly what it did before.
/// URLs are absolute http(s), already checked and resolved when the settings were loaded.
/// </summary>
public sealed record ChannelIdentity
{
    /// <summary>The site's logo: RSS <c>image</c>, Atom <c>logo</c>, JSON Feed <c>icon</c>.</summary>
    public Uri? Image { get; init; }

    /// <summary>A small square icon: Atom <c>icon</c>, JSON Feed <c>favicon</c>, the index page's favicon.</summary>
    public Uri? Icon { get; init; }

    /// <summary>RSS <c>copyright</c>, Atom <c>rights</c>, as plain text.</summary>
    public string? Copyright { get; init; }

    public string? PublisherName { get; init; }

    public string? PublisherEmail { get; init; }

    public Uri? PublisherUrl { get; init; }

    /// <summary>RSS <c>ttl</c>: minutes a reader may cache the feed before fetching it again.</summary>
    public int? TtlMinutes { get; init; }

    /// <summary>Whether any of the publisher's name, email or URL is set: then the publisher, not the feed's title, is the feed's author.</summary>
    public bool HasPublisher() => PublisherName is not null || PublisherEmail is not null || PublisherUrl is not null;

    /// <summary>
    /// The RSS <c>managingEditor</c>, "email (Name)" as RSS 2.0 and the W3C validator want it; RSS
    /// requires the address, so with a name alone there is none.
    /// </summary>
    public string? ManagingEditor() => PublisherEmail is null ? null : PublisherName is null ? PublisherEmail : $"{PublisherEmail} ({PublisherName})";
}
