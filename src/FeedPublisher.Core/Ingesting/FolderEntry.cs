namespace FeedPublisher.Core.Ingesting;

/// <summary>Whether the walk goes into an entry, and how.</summary>
internal enum FolderEntry
{
    /// <summary>A file (listed or skipped), or a folder not to enter.</summary>
    None,

    Folder,

    /// <summary>A link to a folder out of the articles folder, followed (Articles:FollowLinksOutside).</summary>
    LinkedFolder,
}
