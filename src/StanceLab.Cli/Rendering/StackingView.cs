using StanceLab.Json;
using StanceLab.Evaluation;

namespace StanceLab.Cli.Rendering;

/// <summary>The stacking experiment: each head's linear and stacked scores side by side, per class F1 included; as a table, Markdown or JSON.</summary>
internal static class StackingView
{
    private static TextTable Table(string? title, StackingResult result)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var head in result.Heads)
        {
            foreach (var (name, linear, stacked) in Rows(head))
                rows.Add([head.Column, name, Formatting.Ratio(linear), Formatting.Ratio(stacked), Formatting.Signed(stacked - linear)]);
            rows.Add([head.Column, "verdict", "", "", head.StackedWins ? "stacked wins" : "linear stays"]);
        }
        return new TextTable(title, [new("head"), new("measure"), new("linear", true), new("stacked", true), new("change", true)], rows);
    }

    public static void Render(TextWriter output, string title, StackingResult result) => output.Write(Table(title, result).ToText());

    public static string Markdown(string title, StackingResult result) => "## " + title + "\n\n" + Table(null, result).ToMarkdown();

    public static void Json(TextWriter output, StackingResult result) =>
        JsonOutput.WriteLine(output, StackingDocument.From(result), c => c.StackingDocument);

    private static IEnumerable<(string Name, double Linear, double Stacked)> Rows(StackingHeadResult head)
    {
        yield return ("accuracy", head.Linear.Accuracy, head.Stacked.Accuracy);
        yield return ("macro-F1", head.Linear.MacroF1, head.Stacked.MacroF1);
        foreach (var c in head.Linear.PerClass)
            yield return ($"F1 {c.Class}", c.F1, head.Stacked.PerClass.Single(s => s.Class == c.Class).F1);
    }
}
