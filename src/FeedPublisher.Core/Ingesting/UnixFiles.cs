using System.Runtime.InteropServices;
using FeedPublisher.Core.Model;
using Microsoft.Win32.SafeHandles;

namespace FeedPublisher.Core.Ingesting;

/// <summary>
/// What .NET 10 cannot do without the C library: tell a regular file from a named pipe, socket or
/// device (its attributes say "Normal" for all of them), and open a file without waiting. opening a
/// FIFO for reading with <see cref="File.OpenHandle"/> blocks in open(2) until a writer comes, which
/// in the articles folder means for ever. On Linux the kind comes from statx(2), whose struct has
/// the same layout on every architecture, and files are opened with O_NONBLOCK. Elsewhere (Windows
/// has no FIFOs in its file system) the managed calls are used, and the remaining window is that a
/// file swapped for a FIFO between the check and the open would block.
/// </summary>
internal static partial class UnixFiles
{
    // The same values on x64, arm64, arm, riscv64, ppc64le, s390x, loongarch64 (asm-generic).
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
    private const int OReadOnly = 0;
    private const int ONoCtty = 0x100;
    private const int ONonBlock = 0x800;
    private const int OCloseOnExec = 0x80000;
    private const int ENoEnt = 2;
    private const int ENotDir = 20;
    private const int EAccess = 13;
    private const int EPermission = 1;

    /// <summary>struct statx is 256 bytes; stx_mode is the unsigned 16 bits at offset 28.</summary>
    private const int StatxSize = 256;
    private const int StatxModeOffset = 28;

    /// <summary>The kind of what the path names; through links when <paramref name="followLinks"/>. Missing when nothing is there.</summary>
    public static FileKind KindOf(string path, bool followLinks)
    {
        if (!OperatingSystem.IsLinux())
        {
            return ManagedKindOf(path, followLinks);
        }

        Span<byte> status = stackalloc byte[StatxSize];
        return Statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType, status) == 0
            ? KindOfMode(status)
            : Marshal.GetLastPInvokeError() is ENoEnt or ENotDir ? FileKind.Missing : FileKind.Other;
    }

    /// <summary>
    /// Opens a regular file for reading, never anything else: the path is checked before the open,
    /// so a FIFO or a device is never opened, and the opened handle again after it, so that a file
    /// swapped for one in between is refused too; O_NONBLOCK keeps that open from waiting for a
    /// FIFO's writer (for a regular file it changes nothing).
    /// </summary>
    /// <exception cref="ArticleRejectedException">It is not a regular file.</exception>
    /// <exception cref="FileNotFoundException">Nothing is there (any more).</exception>
    /// <exception cref="UnauthorizedAccessException">It may not be read.</exception>
    public static SafeFileHandle OpenRegular(string path)
    {
        Refuse(KindOf(path, followLinks: true), path);
        if (!OperatingSystem.IsLinux())
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }

        var descriptor = Open(path, OReadOnly | ONonBlock | ONoCtty | OCloseOnExec);
        if (descriptor < 0)
        {
            throw ErrorFor(Marshal.GetLastPInvokeError(), path);
        }

        var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        try
        {
            Span<byte> status = stackalloc byte[StatxSize];
            if (Statx(descriptor, "", AtEmptyPath, StatxType, status) != 0)
            {
                throw ErrorFor(Marshal.GetLastPInvokeError(), path);
            }

            Refuse(KindOfMode(status), path);
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Where the opened file really is, links and all; null when the system cannot say (no /proc).</summary>
    public static string? RealPathOf(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            // The kernel's own name for the open file: no race with a link swapped after the open.
            var target = new FileInfo($"/proc/self/fd/{handle.DangerousGetHandle()}").LinkTarget;
            return target is not null && Path.IsPathRooted(target) && !target.EndsWith(" (deleted)", StringComparison.Ordinal) ? target : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void Refuse(FileKind kind, string path)
    {
        switch (kind)
        {
            case FileKind.Regular:
                return;
            case FileKind.Missing:
                throw new FileNotFoundException("the file is gone", path);
            default:
                throw new ArticleRejectedException($"it is {kind.Describe()}, not a regular file");
        }
    }

    private static Exception ErrorFor(int errno, string path) => errno switch
    {
        ENoEnt or ENotDir => new FileNotFoundException("the file is gone", path),
        EAccess or EPermission => new UnauthorizedAccessException($"the file cannot be read: {Marshal.GetPInvokeErrorMessage(errno)}"),
        _ => new IOException($"the file cannot be opened: {Marshal.GetPInvokeErrorMessage(errno)}"),
    };

    private static FileKind KindOfMode(ReadOnlySpan<byte> status) =>
        (BitConverter.ToUInt16(status[StatxModeOffset..]) & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.NamedPipe,
            0xC000 => FileKind.Socket,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            _ => FileKind.Other,
        };

    private static FileKind ManagedKindOf(string path, bool followLinks)
    {
        FileSystemInfo info = new FileInfo(path);
        if (followLinks && (int)info.Attributes != -1 && (info.Attributes & FileAttributes.ReparsePoint) != 0)
        {
            info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        }

        var attributes = info.Attributes;
        return (int)attributes == -1 ? FileKind.Missing
            : (attributes & FileAttributes.ReparsePoint) != 0 ? FileKind.SymbolicLink
            : (attributes & FileAttributes.Directory) != 0 ? FileKind.Directory
            : FileKind.Regular;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, Span<byte> status);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);
}
