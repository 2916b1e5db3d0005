using System.Reflection;

namespace FeedPublisher.Core.Extraction;

/// <summary>
/// Outlet names and their home pages: a built-in list of major outlets from many countries
/// (Outlets.tsv), which configuration extends or overrides.
/// </summary>
public sealed class OutletDirectory
{
    private static readonly Lazy<OutletDirectory> LazyBuiltIn = new(LoadBuiltIn);

    private readonly Dictionary<string, Outlet> _byName;
    private readonly Dictionary<string, Outlet> _byHost;

    public OutletDirectory(IEnumerable<Outlet> outlets)
    {
        Outlets = outlets.GroupBy(o => o.Name, StringComparer.OrdinalIgnoreCase).Select(g => g.Last()).ToList();
        _byName = new Dictionary<string, Outlet>(StringComparer.OrdinalIgnoreCase);
        _byHost = new Dictionary<string, Outlet>(StringComparer.Ordinal);
        foreach (var outlet in Outlets)
        {
            _byHost.TryAdd(Hosts.WithoutWww(outlet.HomePage.Host), outlet);
            foreach (var name in outlet.Aliases.Prepend(outlet.Name))
            {
                _byName[name] = outlet;
            }
        }
    }

    public static OutletDirectory BuiltIn => LazyBuiltIn.Value;

    public IReadOnlyList<Outlet> Outlets { get; }

    public Outlet? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The outlet whose home page is on this host or a parent of it ("edition.cnn.com" is CNN).</summary>
    public Outlet? FindByHost(string host)
    {
        for (var candidate = Hosts.WithoutWww(host); candidate.Contains('.', StringComparison.Ordinal); candidate = candidate[(candidate.IndexOf('.', StringComparison.Ordinal) + 1)..])
        {
            if (_byHost.TryGetValue(candidate, out var outlet))
            {
                return outlet;
            }
        }

        return null;
    }

    /// <summary>A directory with extra outlets (name -> home page); an extra one replaces a built-in one of the same name.</summary>
    public OutletDirectory With(IEnumerable<KeyValuePair<string, Uri>> extra) =>
        new(Outlets.Concat(extra.Select(e => new Outlet(e.Key, e.Value, Find(e.Key)?.Aliases ?? [], Ambiguous: false))));

    private static OutletDirectory LoadBuiltIn()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("FeedPublisher.Core.Outlets.tsv")
            ?? throw new InvalidOperationException("the built-in outlet list is missing from the assembly");
        using var reader = new StreamReader(stream);
        var outlets = new List<Outlet>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            var aliases = fields.Length > 2 ? fields[2].Split('|', StringSplitOptions.RemoveEmptyEntries) : [];
            outlets.Add(new Outlet(fields[0], new Uri(fields[1]), aliases, fields.Length > 3 && fields[3] == "ambiguous"));
        }

        return new OutletDirectory(outlets);
    }
}
