using FeedPublisher.Core.Building;

namespace FeedPublisher.Core.Tests.Building;

public sealed class SlugTests
{
    [Theory]
    [InlineData("World News", "world-news")]
    [InlineData("Zürich & Genève", "zurich-geneve")]
    [InlineData("  C++ / C#  ", "c-c")]
    [InlineData("Straße", "strasse")]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("Łódź", "lodz")]
    public void From_Name_IsLowerCaseAsciiWithSingleHyphens(string name, string slug)
    {
        Assert.Equal(slug, Slug.From(name));
        Assert.True(Slug.IsValid(slug));
    }

    [Fact]
    public void From_NameWithoutLatinLetters_IsAStableHash()
    {
        Assert.Equal(Slug.From("東京"), Slug.From("東京"));
        Assert.NotEqual(Slug.From("東京"), Slug.From("大阪"));
        Assert.Matches("^t-[0-9a-f]{8}$", Slug.From("東京"));
    }

    [Fact]
    public void From_VeryLongName_IsCappedWithoutATrailingHyphen()
    {
        var slug = Slug.From(string.Join(' ', Enumerable.Repeat("word", 40)));

        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.True(Slug.IsValid(slug));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-a")]
    [InlineData("a--b")]
    [InlineData("A")]
    [InlineData("a/b")]
    [InlineData("..")]
    public void IsValid_NotASlug_IsFalse(string text)
    {
        Assert.False(Slug.IsValid(text));
    }
}
