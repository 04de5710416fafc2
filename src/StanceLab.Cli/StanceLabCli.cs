using System.CommandLine;
using StanceLab.Cli.Commands;

namespace StanceLab.Cli;

/// <summary>The <c>stancelab</c> command: parses, hands over to one command class per verb, returns the exit code.</summary>
public static class StanceLabCli
{
    public static RootCommand CreateRoot(CliIo io)
    {
        var root = new RootCommand("StanceLab: classify the sentences of news articles by topic and stance, and explain every prediction.")
        {
            TrainCommand.Create(io),
            ScoreCommand.Create(io),
            EvaluateCommand.Create(io),
            ExplainCommand.Create(io),
            SplitCommand.Create(io),
            ExportCommand.Create(io),
            CheckCommand.Create(io),
            TuneCommand.Create(io),
            ServeCommand.Create(io),
        };
        return root;
    }

    public static int Run(string[] args, CliIo io)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(io);
        var parse = CreateRoot(io).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) io.ErrorWriter.WriteLine($"error: {error.Message}");
            io.ErrorWriter.WriteLine("Run 'stancelab --help' for the commands and their options.");
            return ExitCodes.Usage;
        }
        // A list argument (files, --data) swallows an unknown "--flag" as one more value; refuse it
        // here, before any file is read or scored, unless a file of that name really exists.
        var unknown = parse.Tokens.FirstOrDefault(t => t.Type == System.CommandLine.Parsing.TokenType.Argument
            && t.Value.StartsWith("--", StringComparison.Ordinal) && !File.Exists(t.Value) && !Directory.Exists(t.Value));
        if (unknown is not null)
        {
            io.ErrorWriter.WriteLine($"error: unknown option '{unknown.Value}'.");
            io.ErrorWriter.WriteLine("Run 'stancelab --help' for the commands and their options.");
            return ExitCodes.Usage;
        }
        return parse.Invoke(new InvocationConfiguration { Output = io.Output, Error = io.ErrorWriter });
    }
}
