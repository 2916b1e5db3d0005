using Microsoft.Extensions.Configuration;

namespace FeedPublisher.Configuration;

/// <summary>
/// The whole configuration, bound per section and validated once at start. Every problem is
/// collected with the key it concerns, so an operator sees all of them in one go.
/// </summary>
public sealed record FeedPublisherSettings(
    SiteOptions Site,
    ArticlesOptions Articles,
    FeedsOptions Feeds,
    StorageOptions Storage,
    ScheduleOptions Schedule,
    SummaryOptions Summary,
    ServeOptions Serve,
    IReadOnlyDictionary<string, Uri> Outlets)
{
    public const string OutletsSection = "Outlets";

    /// <summary>Binds and validates; throws <see cref="SettingsException"/> listing every bad key.</summary>
    public static FeedPublisherSettings Load(IConfiguration configuration)
    {
        var errors = new List<string>();
        var settings = new FeedPublisherSettings(
            Bind<SiteOptions>(configuration, SiteOptions.Section, errors),
            Bind<ArticlesOptions>(configuration, ArticlesOptions.Section, errors),
            Bind<FeedsOptions>(configuration, FeedsOptions.Section, errors),
            Bind<StorageOptions>(configuration, StorageOptions.Section, errors),
            Bind<ScheduleOptions>(configuration, ScheduleOptions.Section, errors),
            Bind<SummaryOptions>(configuration, SummaryOptions.Section, errors),
            Bind<ServeOptions>(configuration, ServeOptions.Section, errors),
            BindOutlets(configuration.GetSection(OutletsSection), errors));
        errors.AddRange(SettingsValidator.Validate(settings));
        return errors.Count == 0 ? settings : throw new SettingsException(errors);
    }

    private static T Bind<T>(IConfiguration configuration, string section, List<string> errors)
        where T : new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>(o => o.ErrorOnUnknownConfiguration = true) ?? new T();
        }
        catch (InvalidOperationException e)
        {
            errors.Add($"{section}: {e.Message}");
            return new T();
        }
    }

    private static Dictionary<string, Uri> BindOutlets(IConfigurationSection section, List<string> errors)
    {
        var outlets = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);
        foreach (var outlet in section.GetChildren())
        {
            if (SettingsValidator.IsHttpUrl(outlet.Value))
            {
                outlets[outlet.Key] = new Uri(outlet.Value!);
            }
            else
            {
                errors.Add($"{outlet.Path}: '{outlet.Value}' is not an absolute http(s) URL of the outlet's home page");
            }
        }

        return outlets;
    }
}
