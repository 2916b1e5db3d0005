namespace FeedPublisher.Configuration;

/// <summary>The configuration is unusable; <see cref="Errors"/> names each bad key and why.</summary>
public sealed class SettingsException(IReadOnlyList<string> errors)
    : Exception("Invalid configuration:\n  " + string.Join("\n  ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
