namespace FeedPublisher.Cli;

/// <summary>
/// Separates configuration keys given on the command line (<c>--Section:Key=value</c> or
/// <c>--Section:Key value</c>) from the command's own arguments, so any key can be set without
/// a dedicated option.
/// </summary>
public static class ConfigurationArgs
{
    public static (string[] CommandArgs, string[] ConfigurationArgs) Split(IReadOnlyList<string> args)
    {
        var command = new List<string>();
        var configuration = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!IsConfigurationKey(arg))
            {
                command.Add(arg);
                continue;
            }

            if (arg.Contains('=', StringComparison.Ordinal))
            {
                configuration.Add(arg);
            }
            else if (i + 1 < args.Count)
            {
                configuration.Add($"{arg}={args[++i]}");
            }
            else
            {
                throw new ArgumentException($"{arg} needs a value: {arg}=VALUE");
            }
        }

        return ([.. command], [.. configuration]);
    }

    private static bool IsConfigurationKey(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal))
        {
            return false;
        }

        var colon = arg.IndexOf(':', StringComparison.Ordinal);
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return colon > 2 && (equals < 0 || colon < equals);
    }
}
