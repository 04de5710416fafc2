using System.Text;
using StanceLab.Evaluation;

namespace StanceLab.Cli.Rendering;

/// <summary>Classification reports as GitHub-flavoured Markdown (ConsoleTables), for issues, notes and READMEs: the same tables as the terminal view.</summary>
internal static class ReportMarkdownView
{
    public static string Render(string title, IReadOnlyList<ClassificationReport> reports, bool withCalibration = false, IReadOnlyList<HeadCalibration>? temperatures = null)
    {
        var md = new StringBuilder();
        md.Append("## ").AppendLine(title).AppendLine();
        foreach (var report in reports)
            foreach (var table in ReportTables.Of(report, withBars: false, withCalibration)) md.Append(table.ToMarkdown());
        if (temperatures is { Count: > 0 }) md.Append(ReportTables.Temperatures(temperatures).ToMarkdown());
        return md.ToString();
    }
}
