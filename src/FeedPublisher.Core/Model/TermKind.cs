namespace FeedPublisher.Core.Model;

/// <summary>What groups articles into their own feeds: categories and authors.</summary>
public enum TermKind
{
    Category,
    Author,
}
