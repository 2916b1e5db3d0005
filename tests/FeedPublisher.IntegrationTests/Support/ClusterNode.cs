using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FeedPublisher.IntegrationTests.Support;

/// <summary>
/// One node of a cluster: a real <c>feedpublisher run</c> process whose log is read as JSON lines
/// (Logging:Format=json). Their timestamps are UTC to the millisecond from the machine's one clock,
/// so the lines of several nodes can be put in one order. Killed with SIGKILL, or stopped with
/// SIGTERM as systemd does.
/// </summary>
public sealed class ClusterNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<LogEntry> _entries = [];
    private readonly StringBuilder _raw = new();

    private ClusterNode(string name, Process process)
    {
        Name = name;
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The log so far, as parsed entries.</summary>
    public IReadOnlyList<LogEntry> Log
    {
        get
        {
            lock (_raw)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>The log so far as the process wrote it, for failure messages.</summary>
    public string RawLog
    {
        get
        {
            lock (_raw)
            {
                return _raw.ToString();
            }
        }
    }

    /// <summary>
    /// The publishing service's Debug lines are on: a publish that finds nothing changed logs its
    /// end ("Published in ..., nothing changed") only at Debug, and <see cref="PublishRun"/> needs
    /// the end of every publish, not only of those that wrote files.
    /// </summary>
    public static ClusterNode Start(string name, string workingDirectory, params string[] args) =>
        new(name, FeedPublisherCli.Start(workingDirectory, ["run", .. args, "--Logging:Format=json", $"--Logging:LogLevel:{PublishRun.EndCategory}=Debug"]));

    /// <summary>kill -9: no shutdown, no finally blocks, open files and connections left to the kernel.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, then the exit code; killed if it does not stop within the limit.</summary>
    public async Task<int> StopAsync(TimeSpan limit)
    {
        if (!_process.HasExited)
        {
            FeedPublisherCli.Terminate(_process);
        }

        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            throw new TimeoutException($"{Name} did not stop on SIGTERM within {limit.TotalSeconds:F0} s:\n{RawLog}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        var entry = Parse(line);
        lock (_raw)
        {
            _raw.AppendLine(line);
            if (entry is not null)
            {
                _entries.Add(entry);
            }
        }
    }

    private static LogEntry? Parse(string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var state = new Dictionary<string, string?>(StringComparer.Ordinal);
            if (root.TryGetProperty("State", out var values) && values.ValueKind == JsonValueKind.Object)
            {
                foreach (var value in values.EnumerateObject())
                {
                    state[value.Name] = value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString() : value.Value.GetRawText();
                }
            }

            return new LogEntry(
                DateTimeOffset.Parse(root.GetProperty("Timestamp").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                root.GetProperty("Category").GetString()!,
                root.GetProperty("Message").GetString()!,
                state);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null; // not a log entry: kept in the raw log only
        }
    }
}
