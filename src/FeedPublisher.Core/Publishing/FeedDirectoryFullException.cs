using System.Globalization;

namespace FeedPublisher.Core.Publishing;

/// <summary>
/// The feed directory's file system ran out of space (or the user's quota) while a publish
/// staged its files. The message is the one line an operator needs: which directory, which file
/// system, how full, and what to do; the publish has already removed what it staged.
/// </summary>
public sealed class FeedDirectoryFullException : IOException
{
    /// <summary>ENOSPC and EDQUOT on Linux: .NET gives the errno as the HResult of the IOException.</summary>
    private static readonly int[] NoSpace = [28, 122];

    public FeedDirectoryFullException()
    {
    }

    public FeedDirectoryFullException(string message)
        : base(message)
    {
    }

    public FeedDirectoryFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The exception to throw instead of <paramref name="error"/> when it (or one it wraps) says the disk is full; else null.</summary>
    public static FeedDirectoryFullException? From(Exception error, string root)
    {
        var full = Flatten(error).OfType<IOException>().FirstOrDefault(e => NoSpace.Contains(e.HResult));
        if (full is null)
        {
            return null;
        }

        var mount = MountOf(root);
        var space = mount is null ? "" : Space(mount);
        var disk = mount?.Name ?? root;
        return new FeedDirectoryFullException(
            $"no space left for the feed directory {root} on the file system mounted at {disk}{space}: free space on {disk}, "
            + "then publish again; the published feeds were left as they were and this publish's staged files removed",
            full);
    }

    private static IEnumerable<Exception> Flatten(Exception error) => error switch
    {
        AggregateException many => many.InnerExceptions.SelectMany(Flatten),
        { InnerException: { } inner } => [error, .. Flatten(inner)],
        _ => [error],
    };

    /// <summary>The mount that holds the folder: the longest mount point that is a prefix of its path.</summary>
    private static DriveInfo? MountOf(string folder)
    {
        try
        {
            return DriveInfo.GetDrives()
                .Where(d => d.Name == "/" || folder == d.Name || folder.StartsWith(d.Name.TrimEnd('/') + "/", StringComparison.Ordinal))
                .MaxBy(d => d.Name.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Space(DriveInfo drive)
    {
        try
        {
            return string.Create(CultureInfo.InvariantCulture, $" ({Mebibytes(drive.TotalSize)}, {Mebibytes(drive.AvailableFreeSpace)} free without this publish's files)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static string Mebibytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.#} MiB");
}
