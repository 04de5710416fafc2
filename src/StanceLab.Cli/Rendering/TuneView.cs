using StanceLab.Json;
using StanceLab.Evaluation;

namespace StanceLab.Cli.Rendering;

/// <summary>A tuning grid ranked by score, with every head's accuracy and macro-F1; the winner is marked.</summary>
internal static class TuneView
{
    private static IEnumerable<TuningResult> Ranked(IReadOnlyList<TuningResult> results) =>
        results.Select((r, i) => (r, i)).OrderByDescending(p => p.r.Score).ThenBy(p => p.i).Select(p => p.r);

    private static TextTable Table(IReadOnlyList<TuningResult> results, TuningResult best)
    {
        var heads = results[0].Reports.Select(r => r.Label).ToArray();
        var columns = new List<TextColumn> { new("best"), new("options"), new("mean macro-F1", Numeric: true) };
        foreach (var h in heads) { columns.Add(new($"{h} accuracy", true)); columns.Add(new($"{h} macro-F1", true)); }
        var rows = Ranked(results).Select(r =>
        {
            var cells = new List<string> { ReferenceEquals(r, best) ? "★" : "", r.Candidate.Description, Formatting.Ratio(r.Score) };
            foreach (var rep in r.Reports) { cells.Add(Formatting.Ratio(rep.Accuracy)); cells.Add(Formatting.Ratio(rep.MacroF1)); }
            return (IReadOnlyList<string>)cells;
        }).ToArray();
        return new TextTable("Tuning grid (grouped cross-validation; ranked by mean macro-F1 over the heads)", columns, rows);
    }

    public static void Render(TextWriter output, IReadOnlyList<TuningResult> results, TuningResult best, string train)
    {
        output.Write(Table(results, best).ToText());
        output.WriteLine($"Best: {best.Candidate.Description}. Train it with:");
        output.WriteLine("  " + train);
    }

    public static string Markdown(IReadOnlyList<TuningResult> results, TuningResult best, string train) =>
        Table(results, best).ToMarkdown() + $"Train the best with: `{train}`\n\n";

    public static void Json(TextWriter output, IReadOnlyList<TuningResult> results, TuningResult best, string train) =>
        JsonOutput.WriteLine(output, TuningDocument.From(Ranked(results), best, train), c => c.TuningDocument);
}
