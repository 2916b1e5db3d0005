namespace FeedPublisher.Core.Validation;

/// <summary>One broken rule in one published file.</summary>
public sealed record ValidationIssue(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
