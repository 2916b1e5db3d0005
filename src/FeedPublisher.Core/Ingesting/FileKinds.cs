namespace FeedPublisher.Core.Ingesting;

internal static class FileKinds
{
    /// <summary>How a warning names the kind of a file that is not one to read.</summary>
    public static string Describe(this FileKind kind) => kind switch
    {
        FileKind.NamedPipe => "a named pipe (FIFO)",
        FileKind.Socket => "a socket",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Directory => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Missing => "gone",
        _ => "not a regular file",
    };
}
