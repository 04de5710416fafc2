using StanceLab.Json;
using Spectre.Console;
using StanceLab.Evaluation;

namespace StanceLab.Cli.Rendering;

/// <summary>A learning curve as a table (accuracy and macro-F1 of every head at every point) with a bar chart per head, as Markdown, or as JSON.</summary>
internal static class LearningCurveView
{
    private static TextTable Table(string title, IReadOnlyList<LearningCurvePoint> points)
    {
        var heads = points[0].Reports.Select(r => r.Label).ToArray();
        var columns = new List<TextColumn> { new("sources used", true), new("training sentences", true) };
        foreach (var head in heads) { columns.Add(new($"{head} accuracy", true)); columns.Add(new($"{head} macro-F1", true)); }
        var rows = new List<IReadOnlyList<string>>();
        foreach (var point in points)
        {
            var cells = new List<string> { Formatting.Percent(point.Fraction), Formatting.Integer((long)Math.Round(point.MeanTrainingRows)) };
            foreach (var r in point.Reports) { cells.Add(Formatting.Ratio(r.Accuracy)); cells.Add(Formatting.Ratio(r.MacroF1)); }
            rows.Add(cells);
        }
        var baseline = new List<string> { "majority", "" };
        foreach (var r in points[^1].Reports) { baseline.Add(Formatting.Ratio(r.MajorityBaseline)); baseline.Add(Formatting.Ratio(r.MajorityMacroF1)); }
        rows.Add(baseline);
        return new TextTable(title, columns, rows);
    }

    public static void Render(TextWriter output, IAnsiConsole console, string title, IReadOnlyList<LearningCurvePoint> points)
    {
        output.Write(Table(title, points).ToText());
        output.Flush();
        var heads = points[0].Reports.Select(r => r.Label).ToArray();
        var grid = new Grid();
        foreach (var _ in heads) grid.AddColumn();
        grid.AddRow(heads.Select(head =>
        {
            var chart = new BarChart().Label($"[bold]{Markup.Escape(head)}[/] macro-F1 by share of sources").Width(50).WithMaxValue(1.0);
            foreach (var point in points)
                chart.AddItem(Formatting.Percent(point.Fraction), Math.Round(point.Reports.Single(r => r.Label == head).MacroF1, 3), Color.SteelBlue);
            return (Spectre.Console.Rendering.IRenderable)chart;
        }).ToArray());
        console.Write(grid);
    }

    public static string Markdown(string title, IReadOnlyList<LearningCurvePoint> points) => "## " + title + "\n\n" + Table("Learning curve", points).ToMarkdown();

    public static void Json(TextWriter output, int folds, int seed, IReadOnlyList<LearningCurvePoint> points) =>
        JsonOutput.WriteLine(output, LearningCurveDocument.From(folds, seed, points), c => c.LearningCurveDocument);
}
