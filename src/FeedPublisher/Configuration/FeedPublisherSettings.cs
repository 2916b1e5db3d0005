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
            Bind(configuration, SiteOptions.Section, section => section.Get<SiteOptions>(Strict), errors),
            Bind(configuration, ArticlesOptions.Section, section => section.Get<ArticlesOptions>(Strict), errors),
            Bind(configuration, FeedsOptions.Section, section => section.Get<FeedsOptions>(Strict), errors),
            Bind(configuration, StorageOptions.Section, section => section.Get<StorageOptions>(Strict), errors),
            Bind(configuration, ScheduleOptions.Section, section => section.Get<ScheduleOptions>(Strict), errors),
            Bind(configuration, SummaryOptions.Section, section => section.Get<SummaryOptions>(Strict), errors),
            Bind(configuration, ServeOptions.Section, section => section.Get<ServeOptions>(Strict), errors),
            BindOutlets(configuration.GetSection(OutletsSection), errors));
        errors.AddRange(SettingsValidator.Validate(settings));
        return errors.Count == 0 ? settings : throw new SettingsException(errors);
    }

    private static void Strict(BinderOptions options) => options.ErrorOnUnknownConfiguration = true;

    /// <param name="get">Binds with a type named at the call, so the build's binding generator writes the binding code (reflection cost ~20 ms of every start).</param>
    private static T Bind<T>(IConfiguration configuration, string section, Func<IConfigurationSection, T?> get, List<string> errors)
        where T : new()
    {
        try
        {
            return get(configuration.GetSection(section)) ?? new T();
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
