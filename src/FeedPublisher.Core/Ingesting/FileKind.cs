namespace FeedPublisher.Core.Ingesting;

/// <summary>What a directory entry is, as stat(2) tells it.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    NamedPipe,
    Socket,
    CharacterDevice,
    BlockDevice,
    Other,
}
