using FeedPublisher.Core.Model;

namespace FeedPublisher.Core.Reading;

/// <summary>Reads one file format into a draft. Throws <see cref="ArticleRejectedException"/> for input it cannot use.</summary>
public interface IArticleReader
{
    /// <summary>File extensions this reader handles, lower case with the dot (".txt").</summary>
    IReadOnlyCollection<string> Extensions { get; }

    ArticleDraft Read(ArticleSource source);
}
