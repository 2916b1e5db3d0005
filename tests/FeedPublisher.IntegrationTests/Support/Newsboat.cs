using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace FeedPublisher.IntegrationTests.Support;

/// <summary>
/// Debian's newsboat, a terminal feed reader, run headless: it reloads its feeds and keeps what it
/// read in its own SQLite cache, which the test reads back.
/// </summary>
public sealed class Newsboat(string folder, Uri feed)
{
    private const string Path = "/usr/bin/newsboat";

    public static void SkipUnlessAvailable()
    {
        if (!File.Exists(Path) && Tools.Required)
        {
            throw new InvalidOperationException("newsboat is required here (CI): apt-get install newsboat");
        }

        Skip.IfNot(File.Exists(Path), "newsboat is not installed: apt-get install newsboat (CI installs it)");
    }

    private string Cache => System.IO.Path.Combine(folder, "cache.db");

    /// <summary>Reloads every feed; returns what newsboat printed ("8 unread articles").</summary>
    public async Task<string> ReloadAsync()
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(System.IO.Path.Combine(folder, "urls"), feed.AbsoluteUri + "\n");
        File.WriteAllText(System.IO.Path.Combine(folder, "config"), "");
        var info = new ProcessStartInfo(Path, ["-u", "urls", "-c", "cache.db", "-C", "config", "-x", "reload", "print-unread"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"newsboat exited {process.ExitCode}: {errors}");
        return output.Trim();
    }

    /// <summary>The titles of the articles in newsboat's cache.</summary>
    public IReadOnlyList<string> Titles()
    {
        using var connection = new SqliteConnection($"Data Source={Cache};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT title FROM rss_item ORDER BY title";
        using var reader = command.ExecuteReader();
        var titles = new List<string>();
        while (reader.Read())
        {
            titles.Add(reader.GetString(0));
        }

        return titles;
    }
}
