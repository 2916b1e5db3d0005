using System.Diagnostics;

namespace FeedPublisher.IntegrationTests.Support;

/// <summary>Debian's headless Chromium, started the way this machine allows (no sandbox as root, no background networking).</summary>
public static class Chromium
{
    private const string Path = "/usr/bin/chromium";

    public static void SkipUnlessAvailable()
    {
        if (!File.Exists(Path) && Tools.Required)
        {
            throw new InvalidOperationException("chromium is required here (CI): apt-get install chromium");
        }

        Skip.IfNot(File.Exists(Path), "chromium is not installed: apt-get install chromium (CI installs it)");
    }

    /// <summary>Runs Chromium on a URL with extra switches (--dump-dom, --screenshot=...) and returns what it printed.</summary>
    public static async Task<string> RunAsync(string profile, string url, params string[] switches)
    {
        var info = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--hide-scrollbars", $"--user-data-dir={profile}",
                 }.Concat(switches).Append(url))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}: {await errors}");
        return await output;
    }
}
