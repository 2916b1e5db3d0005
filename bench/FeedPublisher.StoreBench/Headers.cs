using FeedPublisher.Core.Model;
using FeedPublisher.Core.Storing;

namespace FeedPublisher.StoreBench;

/// <summary>Headers shaped like bench/generate_corpus.py's articles: one author of 50, one to three categories of 20, dates over six years.</summary>
public static class Headers
{
    private static readonly string[] Authors = Enumerable.Range(0, 50).Select(i => $"Author {(char)('A' + i % 26)}{i} Name").ToArray();
    private static readonly string[] Categories = ["World", "Business", "Science", "Health", "Sport", "Culture", "Technology", "Climate", "Politics", "Education",
        "Travel", "Food", "Law", "Energy", "Transport", "Housing", "Media", "Space", "Finance", "Weather"];
    private static readonly DateTimeOffset Start = new(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static StoredArticle Make(int i)
    {
        var rng = new Random(i);
        var id = $"{i / 1000:000}/article-{i:000000}";
        var published = Start.AddSeconds(rng.NextInt64(6L * 365 * 24 * 3600));
        var categories = Categories.OrderBy(_ => rng.Next()).Take(rng.Next(1, 4)).ToArray();
        var summary = rng.NextDouble() < 0.8 ? string.Join(' ', Enumerable.Range(0, 30).Select(_ => "word" + rng.Next(100))) : "";
        var article = new Article
        {
            Id = id,
            Title = $"A generated title number {i} about the market",
            Path = id,
            Published = published,
            Updated = published,
            Summary = summary,
            ContentHtml = "",
            Authors = [Authors[rng.Next(Authors.Length)]],
            Categories = categories,
        };
        return new StoredArticle(article, new ArticleFile(id + ".md", 4000 + i % 1000, published, Convert.ToHexStringLower(BitConverter.GetBytes((long)i * 7919)) + new string('0', 48)));
    }
}
