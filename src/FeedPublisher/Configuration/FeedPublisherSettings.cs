using FeedPublisher.Core.Text;
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

    private static readonly string[] LoggingFormats = ["text", "json"];

    /// <summary>The options class of each section.</summary>
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [SiteOptions.Section] = typeof(SiteOptions),
        [ArticlesOptions.Section] = typeof(ArticlesOptions),
        [FeedsOptions.Section] = typeof(FeedsOptions),
        [StorageOptions.Section] = typeof(StorageOptions),
        [ScheduleOptions.Section] = typeof(ScheduleOptions),
        [SummaryOptions.Section] = typeof(SummaryOptions),
        [ServeOptions.Section] = typeof(ServeOptions),
    };

    /// <summary>Binds and validates; throws <see cref="SettingsException"/> listing every bad key.</summary>
    public static FeedPublisherSettings Load(IConfiguration configuration)
    {
        var errors = UnknownKeys.Find(configuration, Sections);
        if (configuration["Logging:Format"] is { } format && !LoggingFormats.Contains(format, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"Logging:Format: '{format}' is not a log format{NearestName.Hint(format, LoggingFormats)}; use text or json");
        }

        var settings = new FeedPublisherSettings(
            Bind<SiteOptions>(configuration, SiteOptions.Section, errors),
            Bind<ArticlesOptions>(configuration, ArticlesOptions.Section, errors),
            Bind<FeedsOptions>(configuration, FeedsOptions.Section, errors),
            Bind<StorageOptions>(configuration, StorageOptions.Section, errors),
            Bind<ScheduleOptions>(configuration, ScheduleOptions.Section, errors),
            Bind<SummaryOptions>(configuration, SummaryOptions.Section, errors),
            Bind<ServeOptions>(configuration, ServeOptions.Section, errors),
            BindOutlets(configuration.GetSection(OutletsSection), errors));
        if (string.IsNullOrWhiteSpace(settings.Site.BaseUrl))
        {
            // Unset: the links follow the server. Left empty when Serve:Urls is bad, which is reported.
            settings.Site.BaseUrl = DefaultBaseUrl.From(settings.Serve.Urls) ?? "";
        }

        errors.AddRange(SettingsValidator.Validate(settings));
        return errors.Count == 0 ? settings : throw new SettingsException(errors);
    }

    private static T Bind<T>(IConfiguration configuration, string section, List<string> errors)
        where T : new()
    {
        try
        {
            // Unknown keys are reported by UnknownKeys, with the key meant; the binder's own text
            // about them would say the same less clearly.
            return configuration.GetSection(section).Get<T>() ?? new T();
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
