using System.CommandLine;

namespace StanceLab.Cli.Commands;

/// <summary>Options that several commands share, spelled the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string?> Model() => new("--model", "-m")
    {
        Description = $"The model file (default: $STANCELAB_MODEL, else {ModelLocator.DefaultRelativePath}).",
    };

    /// <summary>The labelled files a command reads: one or more TSV files or directories of them.</summary>
    public static Option<string[]> Data(string description) => new("--data", "-d")
    {
        Description = description,
        Required = true,
        AllowMultipleArgumentsPerToken = true,
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>--format, offering only the formats this command writes; the default is a table.</summary>
    public static ChoiceOption<OutputFormat> Format(string description, params OutputFormat[] allowed) =>
        new("--format", description, OutputFormat.Table, allowed, "-f");

    public static IReadOnlyList<string> SplitList(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
