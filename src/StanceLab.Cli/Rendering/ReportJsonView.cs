using System.Text.Json;
using StanceLab.Evaluation;

namespace StanceLab.Cli.Rendering;

/// <summary>
/// Classification reports as one JSON object:
/// {"rows", "heads": [{"label", "accuracy", "macroF1", "majorityBaseline", "logLoss", "perClass", "confusion"}]}.
/// </summary>
internal static class ReportJsonView
{
    public static void Write(TextWriter output, string kind, IReadOnlyList<ClassificationReport> reports, Action<Utf8JsonWriter>? extra = null)
    {
        JsonOutput.WriteLine(output, w =>
        {
            w.WriteStartObject();
            w.WriteString("kind", kind);
            w.WriteNumber("rows", reports.Count == 0 ? 0 : reports[0].Rows);
            extra?.Invoke(w);
            w.WriteStartArray("heads");
            foreach (var r in reports) WriteHead(w, r);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void WriteHead(Utf8JsonWriter w, ClassificationReport r)
    {
        w.WriteStartObject();
        w.WriteString("label", r.Label);
        w.WriteNumber("rows", r.Rows);
        w.Number("accuracy", r.Accuracy);
        w.Number("macroF1", r.MacroF1);
        w.WriteStartArray("macroF1Classes");
        foreach (var c in r.MacroF1Classes) w.WriteStringValue(c);
        w.WriteEndArray();
        w.Number("weightedF1", r.WeightedF1);
        w.Number("majorityBaseline", r.MajorityBaseline);
        w.WriteString("majorityClass", r.MajorityClass);
        w.Number("majorityMacroF1", r.MajorityMacroF1);
        w.Number("logLoss", r.LogLoss);
        if (r.FoldAccuracies.Count > 0)
        {
            w.WriteStartArray("foldAccuracies");
            foreach (var a in r.FoldAccuracies) w.WriteNumberValue(Math.Round(a, 6));
            w.WriteEndArray();
            w.Number("foldAccuracyMean", r.FoldAccuracyMean);
            w.Number("foldAccuracyStd", r.FoldAccuracyStd);
        }
        w.WriteStartArray("perClass");
        foreach (var c in r.PerClass)
        {
            w.WriteStartObject();
            w.WriteString("class", c.Class);
            w.Number("precision", c.Precision);
            w.Number("recall", c.Recall);
            w.Number("f1", c.F1);
            w.WriteNumber("support", c.Support);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("confusion");
        w.WriteStartArray("classes");
        foreach (var c in r.Confusion.Classes) w.WriteStringValue(c);
        w.WriteEndArray();
        w.WriteStartArray("matrix");
        foreach (var row in r.Confusion.ToArray())
        {
            w.WriteStartArray();
            foreach (var n in row) w.WriteNumberValue(n);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
