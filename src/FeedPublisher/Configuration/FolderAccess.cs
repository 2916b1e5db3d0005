namespace FeedPublisher.Configuration;

/// <summary>Whether the program can really use a folder, found out by trying, so the error comes at start and names the key.</summary>
internal static class FolderAccess
{
    public static string? CannotRead(string folder)
    {
        try
        {
            using var entries = Directory.EnumerateFileSystemEntries(folder).GetEnumerator();
            entries.MoveNext();
            return null;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return e.Message;
        }
    }

    /// <summary>Creates the folder if needed and writes (then deletes) a probe dotfile in it.</summary>
    public static string? CannotWrite(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            using (File.Create(Path.Combine(folder, $".fp-probe-{Environment.ProcessId}"), 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return e.Message;
        }
    }
}
