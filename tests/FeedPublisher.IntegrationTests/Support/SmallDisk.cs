using System.Diagnostics;

namespace FeedPublisher.IntegrationTests.Support;

/// <summary>
/// A real, tiny file system (tmpfs) mounted on a folder, so a test can fill it and meet ENOSPC
/// itself. Mounting needs root (CI runs as root); elsewhere the test is skipped, unless the tools
/// are required (FEEDPUBLISHER_REQUIRE_TOOLS=1).
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    public static SmallDisk Mount(string path, string size)
    {
        Directory.CreateDirectory(path);
        var (exit, errors) = Mount("mount", "-t", "tmpfs", "-o", $"size={size},mode=0755", "tmpfs", path);
        if (exit != 0 && Tools.Required)
        {
            throw new InvalidOperationException($"mounting a tmpfs is required here (CI runs as root): {errors}");
        }

        Skip.If(exit != 0, $"this test mounts a small tmpfs to fill, which needs root (or CAP_SYS_ADMIN): mount said {errors.Trim()}");
        return new SmallDisk(path);
    }

    /// <summary>Grows (or shrinks) the file system in place, its files kept.</summary>
    public void Resize(string size)
    {
        var (exit, errors) = Mount("mount", "-o", $"remount,size={size}", Path);
        Assert.True(exit == 0, $"remounting {Path} with size={size} failed: {errors}");
    }

    public long FreeBytes => new DriveInfo(Path).AvailableFreeSpace;

    public void Dispose()
    {
        // Lazily, so a process still holding a file there cannot keep the mount around.
        Mount("umount", "-l", Path);
    }

    private static (int ExitCode, string Errors) Mount(string program, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, errors);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
