using FeedPublisher.Core.Text;
using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Hosting;

namespace FeedPublisher.Configuration;

/// <summary>
/// Configuration keys that name no setting, each reported with the setting it most likely meant:
/// a mistyped key would otherwise be ignored (a section) or answered with the binder's text. The
/// known keys are the options classes' properties, found by reflection, so a new setting is
/// known without being listed here.
/// </summary>
internal static class UnknownKeys
{
    /// <summary>Top-level sections besides the options classes': the outlets and .NET's own logging.</summary>
    private static readonly string[] OtherSections = [FeedPublisherSettings.OutletsSection, "Logging"];

    /// <summary>What the .NET host itself puts into the configuration: neither ours nor a mistake.</summary>
    private static readonly string[] HostKeys = [HostDefaults.ContentRootKey, HostDefaults.EnvironmentKey, HostDefaults.ApplicationKey];

    /// <param name="sections">The options class of each section, by section name.</param>
    public static List<string> Find(IConfiguration configuration, IReadOnlyDictionary<string, Type> sections)
    {
        var errors = new List<string>();
        string[] known = [.. sections.Keys, .. OtherSections];
        foreach (var key in TopLevelKeys(configuration, known).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        {
            if (!known.Contains(key, StringComparer.OrdinalIgnoreCase) && !HostKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{key}: not a configuration section{NearestName.Hint(key, known)}; the sections are {string.Join(", ", known)}");
            }
        }

        foreach (var (name, type) in sections)
        {
            Check(configuration.GetSection(name), type, errors);
        }

        return errors;
    }

    /// <summary>
    /// The top-level keys given in files, on the command line and in code. Of the environment only
    /// those that look meant for us (Section__Key, close to a section's name): it also holds PATH,
    /// HOME and everything else of the machine.
    /// </summary>
    private static IEnumerable<string> TopLevelKeys(IConfiguration configuration, string[] known)
    {
        if (configuration is not IConfigurationRoot root)
        {
            yield break;
        }

        foreach (var provider in root.Providers)
        {
            foreach (var key in provider.GetChildKeys([], null))
            {
                if (provider is not EnvironmentVariablesConfigurationProvider || (HasChildren(provider, key) && NearestName.Find(key, known) is not null))
                {
                    yield return key;
                }
            }
        }
    }

    private static bool HasChildren(IConfigurationProvider provider, string key) => provider.GetChildKeys([], key).Any();

    /// <summary>Every key below <paramref name="section"/> against the settable properties of <paramref name="type"/>, the way the binder matches them (case ignored).</summary>
    private static void Check(IConfigurationSection section, Type type, List<string> errors)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        if (section.Value is { } value)
        {
            // "Site=https://..." for "Site__BaseUrl=...": every key of the section would silently keep its default.
            errors.Add($"{section.Path}: '{value}' is given to a section of settings, not to one of them ({string.Join(", ", properties.Select(p => $"{section.Path}:{p.Name}"))})");
        }

        foreach (var child in section.GetChildren())
        {
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                var names = properties.Select(p => p.Name).ToList();
                var hint = NearestName.Find(child.Key, names) is { } nearest ? $" (did you mean {section.Path}:{nearest}?)" : "";
                errors.Add($"{child.Path}: not a setting{hint}; the settings of {section.Path} are {string.Join(", ", names)}");
                continue;
            }

            var valueType = property.PropertyType;
            if (valueType.IsGenericType && valueType.GetGenericTypeDefinition() == typeof(Dictionary<,>) && IsOptionsClass(valueType.GetGenericArguments()[1]))
            {
                foreach (var entry in child.GetChildren())
                {
                    Check(entry, valueType.GetGenericArguments()[1], errors);
                }
            }
            else if (IsOptionsClass(valueType))
            {
                Check(child, valueType, errors);
            }
        }
    }

    /// <summary>A class of settings (its keys are checked), not a value, a list or a map of values.</summary>
    private static bool IsOptionsClass(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type);
}
