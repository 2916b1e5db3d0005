using FeedPublisher.Core.Storing;
using Npgsql;

namespace FeedPublisher.Storage.Postgres;

/// <summary>
/// The write statements of the PostgreSQL store, run inside the caller's transaction (which holds
/// the writers' lock). Rows travel as arrays, a batch of articles per round trip, so a bulk ingest
/// of 100,000 articles is a few hundred statements, not a few hundred thousand.
/// </summary>
internal static class PostgresArticleWriter
{
    /// <summary>Articles per round trip: a few MB of bodies, enough to amortise the trip.</summary>
    private const int ArticlesPerBatch = 500;

    /// <summary>File paths per statement for the small rows of touches and removals.</summary>
    private const int FilesPerBatch = 10_000;

    public static async Task RemoveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<string> removedPaths, CancellationToken cancellationToken)
    {
        foreach (var paths in removedPaths.Chunk(FilesPerBatch))
        {
            // The articles' term links go with them (ON DELETE CASCADE).
            await using var command = new NpgsqlCommand("DELETE FROM articles WHERE source_path = ANY(@paths)", connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<string[]>("paths", paths));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task TouchAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ArticleFile> touched, CancellationToken cancellationToken)
    {
        foreach (var files in touched.Chunk(FilesPerBatch))
        {
            await using var command = new NpgsqlCommand("""
                UPDATE articles a SET file_length = f.length, file_mtime = f.mtime
                FROM unnest(@path, @length, @mtime) AS f (path, length, mtime)
                WHERE a.source_path = f.path
                """, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<string[]>("path", [.. files.Select(f => f.RelativePath)]));
            command.Parameters.Add(new NpgsqlParameter<long[]>("length", [.. files.Select(f => f.Length)]));
            command.Parameters.Add(new NpgsqlParameter<long[]>("mtime", [.. files.Select(f => f.LastWriteTime.UtcTicks)]));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredArticle> saved, CancellationToken cancellationToken)
    {
        var slugs = new PostgresTermSlugs(connection, transaction);
        foreach (var batch in LastOfEach(saved).Chunk(ArticlesPerBatch))
        {
            await slugs.ResolveAsync(batch.Select(s => s.Article), cancellationToken);
            await using var statements = new NpgsqlBatch(connection, transaction);
            statements.BatchCommands.Add(DeleteMoved(batch));
            statements.BatchCommands.Add(PostgresArticleUpsert.Command(batch));
            statements.BatchCommands.Add(DeleteLinks(batch));
            if (InsertLinks(batch, slugs) is { } insertLinks)
            {
                statements.BatchCommands.Add(insertLinks);
            }

            await statements.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// One statement cannot touch a row twice: of two versions of an article, or two articles for
    /// one file, in the same changes, the later one wins, as when the SQLite store applies them one
    /// by one. (Ingest never sends either; this keeps a caller's slip from failing a whole batch.)
    /// </summary>
    private static List<StoredArticle> LastOfEach(IReadOnlyList<StoredArticle> saved)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<StoredArticle>(saved.Count);
        for (var i = saved.Count - 1; i >= 0; i--)
        {
            if (ids.Add(saved[i].Article.Id) & paths.Add(saved[i].File.RelativePath))
            {
                kept.Add(saved[i]);
            }
        }

        kept.Reverse();
        return kept;
    }

    /// <summary>An edited front-matter id moves a file to a new article: the old article at that path goes.</summary>
    private static NpgsqlBatchCommand DeleteMoved(StoredArticle[] batch) => new("""
        DELETE FROM articles a USING unnest(@source_path, @id) AS s (source_path, id)
        WHERE a.source_path = s.source_path AND a.id <> s.id
        """)
    {
        Parameters =
        {
            new NpgsqlParameter<string[]>("source_path", [.. batch.Select(s => s.File.RelativePath)]),
            new NpgsqlParameter<string[]>("id", [.. batch.Select(s => s.Article.Id)]),
        },
    };

    private static NpgsqlBatchCommand DeleteLinks(StoredArticle[] batch) => new("DELETE FROM article_terms WHERE article_id = ANY(@id)")
    {
        Parameters = { new NpgsqlParameter<string[]>("id", [.. batch.Select(s => s.Article.Id)]) },
    };

    private static NpgsqlBatchCommand? InsertLinks(StoredArticle[] batch, PostgresTermSlugs slugs)
    {
        var links = batch
            .SelectMany(s => PostgresTermSlugs.Terms(s.Article).Select(t => (t.Kind, Slug: slugs.For(t.Kind, t.Name), s.Article)))
            .DistinctBy(l => (l.Kind, l.Slug, l.Article.Id))
            .ToList();
        if (links.Count == 0)
        {
            return null;
        }

        return new NpgsqlBatchCommand("""
            INSERT INTO article_terms (kind, slug, published, article_id)
            SELECT * FROM unnest(@kind, @slug, @published, @article_id)
            """)
        {
            Parameters =
            {
                new NpgsqlParameter<string[]>("kind", [.. links.Select(l => PostgresTermKinds.Name(l.Kind))]),
                new NpgsqlParameter<string[]>("slug", [.. links.Select(l => l.Slug)]),
                new NpgsqlParameter<long[]>("published", [.. links.Select(l => l.Article.Published.ToUnixTimeMilliseconds())]),
                new NpgsqlParameter<string[]>("article_id", [.. links.Select(l => l.Article.Id)]),
            },
        };
    }
}
