using System.Text;
using FeedPublisher.Core.Text;

namespace FeedPublisher.Core.Extraction;

/// <summary>
/// The lead of a story as a plain-text summary: whole sentences from the start while they fit in
/// the limit; when even the first does not fit, it is cut at the last word boundary and ends
/// in "…". The input is already clean text (junk removed), so the summary holds no junk.
/// </summary>
public sealed class Summarizer(int maxLength)
{
    public const int DefaultMaxLength = 300;

    /// <summary>Fewer characters than this make a cut summary too short to be worth showing.</summary>
    private const int MinCutLength = 40;

    public int MaxLength { get; } = maxLength > MinCutLength
        ? maxLength
        : throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, $"a summary needs more than {MinCutLength} characters");

    public string Summarize(IEnumerable<string> paragraphs)
    {
        var summary = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            foreach (var sentence in SentenceSplitter.Split(paragraph))
            {
                var needed = summary.Length == 0 ? sentence.Length : summary.Length + 1 + sentence.Length;
                if (needed > MaxLength)
                {
                    return TextHygiene.CloseDirections(summary.Length > 0 ? summary.ToString() : Cut(sentence));
                }

                if (summary.Length > 0)
                {
                    summary.Append(' ');
                }

                summary.Append(sentence);
            }
        }

        return TextHygiene.CloseDirections(summary.ToString());
    }

    /// <summary>
    /// A given summary, kept whole when it fits, else cut like a long sentence. Either way a bidi
    /// override, embedding or isolate left open is closed: a cut can drop the closers at the end.
    /// </summary>
    public string Shorten(string summary) => TextHygiene.CloseDirections(summary.Length <= MaxLength ? summary : Cut(summary));

    /// <summary>Cuts a sentence at the last word boundary that leaves room for the ellipsis.</summary>
    private string Cut(string sentence)
    {
        var limit = MaxLength - 1;
        var space = sentence.LastIndexOf(' ', limit);
        var cut = space >= MinCutLength ? sentence[..space] : sentence[..limit];
        if (char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];
        }

        return cut.TrimEnd(' ', ',', ';', ':', '-', '–', '—', '(', '"', '“', '\'') + "…";
    }
}
