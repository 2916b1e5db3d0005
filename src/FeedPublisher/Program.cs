using FeedPublisher.Core.Text;
using System.CommandLine;
using FeedPublisher.Cli;
using FeedPublisher.Configuration;

return await CommandRunner.RunAsync(async () =>
{
    var (commandArgs, configurationArgs) = ConfigurationArgs.Split(args);
    var options = new CommonOptions();
    var root = new RootCommand("FeedPublisher: turns stored articles into RSS, Atom and JSON feeds and publishes them to a feed directory.\n"
        + "Any configuration key can be given as --Section:Key=value.")
    {
        PublishCommand.Create(options, configurationArgs),
        IngestCommand.Create(options, configurationArgs),
        RunCommand.Create(options, configurationArgs),
        ServeCommand.Create(options, configurationArgs),
        ValidateCommand.Create(options, configurationArgs),
        ImportCommand.Create(options, configurationArgs),
        ConfigCommand.Create(options, configurationArgs),
    };
    foreach (var option in options.All)
    {
        root.Options.Add(option);
    }

    var parsed = root.Parse(commandArgs);
    if (parsed.Errors.Count > 0)
    {
        foreach (var error in parsed.Errors)
        {
            await Console.Error.WriteLineAsync($"error: {error.Message}");
        }

        foreach (var token in parsed.UnmatchedTokens)
        {
            // A mistyped command or option: name the one meant, when one is close.
            var command = parsed.CommandResult.Command;
            IEnumerable<string> names = token.StartsWith('-')
                ? command.Options.Concat(root.Options).SelectMany(option => option.Aliases.Append(option.Name))
                : command.Subcommands.Select(subcommand => subcommand.Name);
            if (NearestName.Find(token, names) is { } nearest)
            {
                await Console.Error.WriteLineAsync($"'{token}': did you mean '{nearest}'?");
            }
        }

        await Console.Error.WriteLineAsync("Run 'feedpublisher --help' for the commands and options.");
        return ExitCodes.BadConfiguration;
    }

    // The generic host handles SIGTERM and Ctrl+C; System.CommandLine must not race it.
    return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
});
