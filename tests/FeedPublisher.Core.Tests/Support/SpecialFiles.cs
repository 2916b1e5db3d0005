using System.Diagnostics;
using System.Net.Sockets;

namespace FeedPublisher.Core.Tests.Support;

/// <summary>Real entries that are not regular files, and names .NET cannot write, made with the system's own tools.</summary>
public static class SpecialFiles
{
    public static void Fifo(string path) => Run("mkfifo", path);

    /// <summary>A bound Unix socket; .NET removes its file when it is disposed.</summary>
    public static Socket Socket(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    /// <summary>Deletes a folder and everything in it, names that .NET cannot give back included.</summary>
    public static void DeleteTree(string path) => Run("rm", "-rf", "--", path);

    /// <summary>A file in <paramref name="folder"/> whose name is these bytes (which need not be UTF-8).</summary>
    public static void WithRawName(string folder, byte[] name, string text) =>
        Run("python3", "-c", "import os, sys; open(os.path.join(os.fsencode(sys.argv[1]), bytes.fromhex(sys.argv[2])), 'w').write(sys.argv[3])",
            folder, Convert.ToHexString(name), text);

    /// <summary>Whether the tests run as root, whom file permissions do not stop.</summary>
    public static bool IsRoot => Environment.UserName == "root";

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true }) ?? throw new InvalidOperationException($"could not start {program}");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed with exit code {process.ExitCode}: {error}");
        }
    }
}
