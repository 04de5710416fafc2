using System.CommandLine;
using StanceLab.Cli.Rendering;
using StanceLab.Data;

namespace StanceLab.Cli.Commands;

/// <summary>
/// <c>stancelab check</c>: validates labelled files and shows their label counts. Exits 1 when it
/// finds an error, so CI can run it on training-data/.
/// </summary>
internal static class CheckCommand
{
    public const string SchemaFileName = "labels.json";

    public static Command Create(CliIo io)
    {
        var files = new Argument<string[]>("files") { Description = "Labelled TSV files or directories of them.", Arity = ArgumentArity.OneOrMore };
        var schema = new Option<string?>("--schema") { Description = $"Allowed labels per column (JSON); default: {SchemaFileName} beside the data." };
        var labels = new Option<string?>("--labels") { Description = "Label columns to check (default: the schema's columns)." };
        var format = CommonOptions.Format("table for people; json for programs.", OutputFormat.Table, OutputFormat.Json);
        var command = new Command("check", "Validate labelled files: format, allowed labels, duplicates with conflicting labels; show label counts.")
        {
            files, schema, labels, format,
        };
        command.SetAction(parse => CommandGuard.Run(io, () =>
        {
            var arguments = parse.GetValue(files)!;
            var paths = DataFiles.Expand(arguments);
            var schemaPath = parse.GetValue(schema) ?? DefaultSchema(arguments);
            var loaded = schemaPath is null ? null : LabelSchema.Load(schemaPath);
            var columns = parse.GetValue(labels) is { } list ? CommonOptions.SplitList(list) : null;
            if (loaded is null && columns is null)
                throw new UsageException($"no label schema: put {SchemaFileName} beside the data, or pass --schema FILE or --labels COLUMNS.");
            var report = CorpusChecker.Check(paths, loaded, columns);
            if (format.Value(parse) == OutputFormat.Json) CheckJsonView.Write(io.Output, report, schemaPath);
            else CheckTableView.Render(io.Output, io.Out, report, schemaPath);
            return report.Errors > 0 ? ExitCodes.Failure : ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>labels.json in the folder of the first data argument that has one.</summary>
    internal static string? DefaultSchema(IEnumerable<string> arguments)
    {
        foreach (var argument in arguments)
        {
            var directory = Directory.Exists(argument) ? argument : Path.GetDirectoryName(Path.GetFullPath(argument));
            if (directory is null) continue;
            var candidate = Path.Combine(directory, SchemaFileName);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
