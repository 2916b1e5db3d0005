namespace FeedPublisher.IntegrationTests.Support;

/// <summary>What a finished feedpublisher process left behind.</summary>
public sealed record CliResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string AllOutput => StandardOutput + StandardError;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}
