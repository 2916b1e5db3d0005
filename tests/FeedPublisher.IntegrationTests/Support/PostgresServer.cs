using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace FeedPublisher.IntegrationTests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster shared by the test assembly's PostgreSQL tests (the
/// <see cref="SharedPostgresServer"/> fixture): initdb into a temporary folder, started on a free
/// port of 127.0.0.1 with its socket in that folder and trust authentication, stopped and deleted
/// when the tests are done. Each test takes a database of its own with <see cref="CreateDatabaseAsync"/>.
/// Without PostgreSQL on the machine the tests that need it skip, unless FEEDPUBLISHER_REQUIRE_POSTGRES=1.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    // initdb and postgres refuse to run as root: as root (here and in CI) the cluster belongs to the
    // postgres user that Debian's package creates, and its programs run through runuser.
    private const string ServerUser = "postgres";

    private readonly string? _binaries = PostgresBinaries.Find();
    private readonly Exception? _startFailure;
    private readonly NpgsqlDataSource? _admin;
    private string? _folder;

    public PostgresServer()
    {
        if (_binaries is null)
        {
            return;
        }

        try
        {
            _folder = Directory.CreateTempSubdirectory("fp-postgres-").FullName;
            Port = Start(_folder);
            _admin = NpgsqlDataSource.Create(ConnectionString("postgres"));
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            _startFailure = e;
        }
    }

    public int Port { get; private set; }

    /// <summary>Skips the calling test without PostgreSQL (fails it if PostgreSQL is required), and fails it when the cluster did not start.</summary>
    public void SkipUnlessAvailable()
    {
        if (_binaries is null && PostgresBinaries.Required)
        {
            throw new InvalidOperationException("FEEDPUBLISHER_REQUIRE_POSTGRES=1 but " + PostgresBinaries.HowToInstall);
        }

        Skip.If(_binaries is null, PostgresBinaries.HowToInstall);
        if (_startFailure is not null)
        {
            throw new InvalidOperationException("the test PostgreSQL cluster did not start: " + _startFailure.Message, _startFailure);
        }
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = ServerUser, Database = database }.ConnectionString;

    /// <summary>
    /// A new, empty database. Its default collation is ICU's en-US, as on a typical production
    /// server, so that anything which sorts by the server's locale instead of by bytes shows up.
    /// </summary>
    public async Task<PostgresDatabase> CreateDatabaseAsync()
    {
        SkipUnlessAvailable();
        var name = "t_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'");
        return new PostgresDatabase(this, name);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = _admin!.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        _admin?.Dispose();
        if (_folder is null)
        {
            return;
        }

        // Immediate: the cluster is thrown away, nothing needs to reach its disk.
        RunAsServerUser("pg_ctl", "stop", "-D", DataFolder(_folder), "-m", "immediate", "-w");
        Directory.Delete(_folder, recursive: true);
        _folder = null;
    }

    private static string DataFolder(string folder) => Path.Combine(folder, "data");

    private static bool IsRoot => Environment.UserName == "root";

    private int Start(string folder)
    {
        if (IsRoot)
        {
            MustSucceed(Run("chown", [ServerUser, folder]));
        }

        MustSucceed(RunAsServerUser("initdb", "-D", DataFolder(folder), "-U", ServerUser, "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"));
        var port = FreePort();
        // fsync off: a test cluster is not worth a disk flush per commit. synchronous_commit stays
        // on, as in production: off, VACUUM right after a commit cannot mark pages all-visible, and
        // the planner then prices index-only scans as a production server would not.
        MustSucceed(RunAsServerUser("pg_ctl", "start", "-D", DataFolder(folder), "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"));
        return port;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void MustSucceed((int ExitCode, string Output, string Command) run)
    {
        if (run.ExitCode != 0)
        {
            var log = _folder is not null && File.Exists(Path.Combine(_folder, "server.log")) ? File.ReadAllText(Path.Combine(_folder, "server.log")) : "";
            throw new InvalidOperationException($"{run.Command} exited with {run.ExitCode}:\n{run.Output}\n{log}");
        }
    }

    /// <summary>One of PostgreSQL's programs, as the postgres user when we are root.</summary>
    private (int ExitCode, string Output, string Command) RunAsServerUser(string program, params string[] args)
    {
        var path = Path.Combine(_binaries!, program);
        return IsRoot ? Run("runuser", ["-u", ServerUser, "--", path, .. args]) : Run(path, args);
    }

    private static (int ExitCode, string Output, string Command) Run(string program, string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result, $"{program} {string.Join(' ', args)}");
    }
}
