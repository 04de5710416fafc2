using StanceLab.Evaluation;

namespace StanceLab.Cli.Rendering;

/// <summary>Classification reports as terminal tables (ConsoleTables): summary beside the baseline, per-class scores with an F1 bar, confusion matrix.</summary>
internal static class ReportTableView
{
    public static void Render(TextWriter output, string title, IReadOnlyList<ClassificationReport> reports, bool withCalibration = false, IReadOnlyList<HeadCalibration>? temperatures = null)
    {
        output.WriteLine(title);
        output.WriteLine(new string('─', Math.Min(title.Length, 120)));
        foreach (var report in reports)
        {
            output.WriteLine();
            foreach (var table in ReportTables.Of(report, withBars: true, withCalibration)) output.Write(table.ToText());
        }
        if (temperatures is { Count: > 0 })
        {
            output.WriteLine();
            output.Write(ReportTables.Temperatures(temperatures).ToText());
        }
    }
}
