namespace FeedPublisher.Configuration;

/// <summary>Section "Serve": the built-in feed server (part of <c>run</c> unless disabled, and the <c>serve</c> command).</summary>
public sealed class ServeOptions
{
    public const string Section = "Serve";

    public bool Enabled { get; set; } = true;

    /// <summary>Where to listen; loopback by default. Separate several with ';'.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:8080";
}
