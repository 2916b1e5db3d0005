namespace FeedPublisher.Cli;

/// <summary>The exit codes of the README's "Command line": bad articles are reported, not fatal.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadConfiguration = 2;
}
