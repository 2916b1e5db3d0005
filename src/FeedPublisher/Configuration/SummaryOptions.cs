using FeedPublisher.Core.Extraction;

namespace FeedPublisher.Configuration;

/// <summary>Section "Summary": how long generated summaries may be.</summary>
public sealed class SummaryOptions
{
    public const string Section = "Summary";

    public int MaxLength { get; set; } = Summarizer.DefaultMaxLength;
}
