using FeedPublisher.Core.Model;

namespace FeedPublisher.Storage.Postgres;

/// <summary>How a term's kind is written in the kind columns (the same words as in the SQLite store).</summary>
internal static class PostgresTermKinds
{
    public static string Name(TermKind kind) => kind == TermKind.Category ? "category" : "author";

    public static TermKind Parse(string name) => name == "category" ? TermKind.Category : TermKind.Author;
}
