namespace FeedPublisher.IntegrationTests.Support;

/// <summary>
/// Where PostgreSQL's server programs are: on PATH, or where Debian's postgresql-NN packages put
/// them (/usr/lib/postgresql/NN/bin, not on PATH), the newest version first.
/// </summary>
public static class PostgresBinaries
{
    public const string HowToInstall = "PostgreSQL is not installed (no initdb on PATH or under /usr/lib/postgresql/*/bin): "
        + "apt install postgresql to run these tests (CI installs it and sets FEEDPUBLISHER_REQUIRE_POSTGRES=1)";

    /// <summary>When set, a machine without PostgreSQL fails the PostgreSQL tests instead of skipping them.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("FEEDPUBLISHER_REQUIRE_POSTGRES") == "1";

    /// <summary>The folder holding initdb, pg_ctl and postgres, or null.</summary>
    public static string? Find()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Where(HasServerPrograms);
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var version) ? version : 0)
                .Select(d => Path.Combine(d, "bin"))
                .Where(HasServerPrograms)
            : [];
        return onPath.Concat(debian).FirstOrDefault();
    }

    private static bool HasServerPrograms(string folder) =>
        File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")) && File.Exists(Path.Combine(folder, "postgres"));
}
