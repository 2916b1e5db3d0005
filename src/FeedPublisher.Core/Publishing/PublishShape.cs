namespace FeedPublisher.Core.Publishing;

/// <summary>
/// The settings a publish's output depends on, and their hash (<see cref="OutputSettings.Hash"/>),
/// computed once per process when a publish first asks for it. The hash goes into the publish key
/// and every fingerprint that lets files stay as they are: with other settings, nothing is kept.
/// </summary>
public sealed class PublishShape(OutputSettings settings)
{
    private string? _hash;

    public OutputSettings Settings { get; } = settings;

    public string Hash => _hash ??= Settings.Hash();
}
