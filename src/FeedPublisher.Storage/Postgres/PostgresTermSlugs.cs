using FeedPublisher.Core.Building;
using FeedPublisher.Core.Model;
using Npgsql;

namespace FeedPublisher.Storage.Postgres;

/// <summary>
/// The slugs of categories and authors within one writing transaction, which holds the writers'
/// lock. A term's slug is chosen once, when the term first appears, and kept forever, so its feed's
/// URL never moves; a different name that slugs the same gets "-2", "-3"... in order of arrival.
/// Known slugs are read once per transaction, and new terms cost three round trips per batch of
/// articles however many there are, not a few per term.
/// </summary>
internal sealed class PostgresTermSlugs(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    private readonly Dictionary<(TermKind Kind, string Key), string> _slugs = [];

    public string For(TermKind kind, string name) => _slugs[(kind, NameKey(name))];

    /// <summary>
    /// The name folded as the terms.name_key column holds it: "Science" and "science" are one term.
    /// Upper-casing by the invariant culture is what <see cref="StringComparison.OrdinalIgnoreCase"/>
    /// compares, so the result does not depend on the server's locale.
    /// </summary>
    public static string NameKey(string name) => name.ToUpperInvariant();

    /// <summary>Every term of these articles gets its slug: known ones are read, new ones are given one.</summary>
    public async Task ResolveAsync(IEnumerable<Article> articles, CancellationToken cancellationToken)
    {
        var unknown = new List<(TermKind Kind, string Key, string Name)>();
        var seen = new HashSet<(TermKind, string)>();
        foreach (var article in articles)
        {
            foreach (var (kind, name) in Terms(article))
            {
                var key = (kind, NameKey(name));
                if (!_slugs.ContainsKey(key) && seen.Add(key))
                {
                    unknown.Add((kind, key.Item2, name));
                }
            }
        }

        if (unknown.Count == 0)
        {
            return;
        }

        await ReadKnownAsync(unknown, cancellationToken);
        var fresh = unknown.Where(t => !_slugs.ContainsKey((t.Kind, t.Key))).ToList();
        if (fresh.Count > 0)
        {
            await AddAsync(fresh, await ReadTakenAsync(fresh, cancellationToken), cancellationToken);
        }
    }

    /// <summary>An article's terms in the order they are given slugs: categories, then authors.</summary>
    public static IEnumerable<(TermKind Kind, string Name)> Terms(Article article) =>
        article.Categories.Select(c => (TermKind.Category, c)).Concat(article.Authors.Select(a => (TermKind.Author, a)));

    private async Task ReadKnownAsync(List<(TermKind Kind, string Key, string Name)> terms, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT t.kind, t.name_key, t.slug FROM terms t
            JOIN unnest(@kind, @name_key) AS wanted (kind, name_key) ON t.kind = wanted.kind AND t.name_key = wanted.name_key
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("kind", [.. terms.Select(t => PostgresTermKinds.Name(t.Kind))]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("name_key", [.. terms.Select(t => t.Key)]));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            _slugs[(PostgresTermKinds.Parse(reader.GetString(0)), reader.GetString(1))] = reader.GetString(2);
        }
    }

    /// <summary>The slugs already given that the new terms could collide with: their stems and the stems' numbered forms.</summary>
    private async Task<HashSet<(TermKind, string)>> ReadTakenAsync(List<(TermKind Kind, string Key, string Name)> terms, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT DISTINCT t.kind, t.slug FROM terms t
            JOIN unnest(@kind, @stem) AS wanted (kind, stem) ON t.kind = wanted.kind AND (t.slug = wanted.stem OR starts_with(t.slug, wanted.stem || '-'))
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("kind", [.. terms.Select(t => PostgresTermKinds.Name(t.Kind))]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("stem", [.. terms.Select(t => Slug.From(t.Name))]));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var taken = new HashSet<(TermKind, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            taken.Add((PostgresTermKinds.Parse(reader.GetString(0)), reader.GetString(1)));
        }

        return taken;
    }

    private async Task AddAsync(List<(TermKind Kind, string Key, string Name)> terms, HashSet<(TermKind, string)> taken, CancellationToken cancellationToken)
    {
        var slugs = new string[terms.Count];
        for (var i = 0; i < terms.Count; i++)
        {
            var (kind, key, name) = terms[i];
            var stem = Slug.From(name);
            var slug = stem;
            for (var n = 2; taken.Contains((kind, slug)); n++)
            {
                slug = $"{stem}-{n}";
            }

            taken.Add((kind, slug));
            slugs[i] = _slugs[(kind, key)] = slug;
        }

        await using var command = new NpgsqlCommand(
            "INSERT INTO terms (kind, name_key, name, slug) SELECT * FROM unnest(@kind, @name_key, @name, @slug)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("kind", [.. terms.Select(t => PostgresTermKinds.Name(t.Kind))]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("name_key", [.. terms.Select(t => t.Key)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("name", [.. terms.Select(t => t.Name)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("slug", slugs));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
