using Spectre.Console;
using StanceLab.Data;

namespace StanceLab.Cli.Rendering;

/// <summary>A corpus check for people: the problems, then each label column's counts as a table and a bar chart.</summary>
internal static class CheckTableView
{
    public static void Render(TextWriter output, IAnsiConsole console, CorpusCheckReport report, string? schemaPath)
    {
        console.Write(new Rule($"[bold]check[/] — {Formatting.Count(report.Rows, "sentence")} in {Formatting.Count(report.Files.Count, "file")}") { Justification = Justify.Left });
        if (schemaPath is not null) console.MarkupLine($"[dim]label schema: {Markup.Escape(schemaPath)}[/]");
        if (report.Problems.Count > 0)
        {
            var problems = report.Problems.Select(p => (IReadOnlyList<string>)
                [p.Severity == ProblemSeverity.Error ? "error" : "warning", p.Line > 0 ? $"{p.File}:{p.Line}" : p.File, p.Message]).ToArray();
            output.Write(new TextTable("Problems", [new("severity"), new("where"), new("problem")], problems).ToText());
        }

        foreach (var (column, counts) in report.Counts)
        {
            int total = counts.Sum(c => c.Value);
            var rows = counts.Select(c => (IReadOnlyList<string>)[c.Key, Formatting.Integer(c.Value), Formatting.Percent(total == 0 ? 0 : (double)c.Value / total)]).ToArray();
            output.Write(new TextTable(column, [new("label"), new("sentences", true), new("share", true)], rows).ToText());
            output.Flush();
            output.WriteLine(TextBars.Render(counts.Select(c => (c.Key, (long)c.Value)).ToArray()));
        }
        var summary = report.Errors > 0 ? $"[red]{Formatting.Count(report.Errors, "error")}[/]" : "[green]no errors[/]";
        console.MarkupLine($"{summary}, {Formatting.Count(report.Warnings, "warning")}.");
    }
}
