using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace StanceLab.Bench;

/// <summary>Renders a data set's report as a terminal table, Markdown and JSON; ratios are ours ÷ peer.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string F(double v, string format) => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    /// <summary>a ÷ b, e.g. "6.57×", or "–" when either is missing.</summary>
    internal static string Ratio(double ours, double peer) => double.IsFinite(ours) && double.IsFinite(peer) && peer > 0 ? (ours / peer).ToString("0.00", CultureInfo.InvariantCulture) + "×" : "–";

    private static readonly string[] Headers =
    [
        "system", "accuracy % (mean ± std)", "macro-F1 %", "train s (process)", "train s (in-process)",
        "predict rows/s (process)", "predict rows/s (in-process, 1 core)", "train peak MiB", "model MB",
        "train time ours÷peer", "predict speed ours÷peer", "peak memory ours÷peer",
    ];

    private static string[] Cells(SystemSummary s, SystemSummary ours)
    {
        if (!s.Available) return [s.System, $"not available: {s.Reason}", "", "", "", "", "", "", "", "", "", ""];
        bool isOurs = s.System.StartsWith("StanceLab", StringComparison.Ordinal);
        return
        [
            s.System,
            $"{F(s.AccuracyMean * 100, "0.0")} ± {F(s.AccuracyStd * 100, "0.0")}",
            F(s.MacroF1Mean * 100, "0.0"),
            F(s.TrainSeconds, "0.00"),
            F(s.TrainSecondsInProcess, "0.000"),
            F(s.PredictRowsPerSecond, "N0"),
            F(s.PredictRowsPerSecondInProcess, "N0"),
            F(s.TrainPeakRssMiB, "0"),
            F(s.ModelBytes / 1e6, "0.00"),
            isOurs ? "" : Ratio(ours.TrainSeconds, s.TrainSeconds),
            isOurs ? "" : Ratio(ours.PredictRowsPerSecond, s.PredictRowsPerSecond),
            isOurs ? "" : Ratio(ours.TrainPeakRssMiB, s.TrainPeakRssMiB),
        ];
    }

    public static void Print(IAnsiConsole console, DatasetReport report)
    {
        var ours = report.Systems[0];
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{Markup.Escape(report.Dataset)}[/] — {Markup.Escape(report.Protocol)}; {report.TrainRows:N0} train / {report.TestRows:N0} test rows per split; times: median of {report.TimedRuns} run(s)");
        foreach (var h in Headers) table.AddColumn(new TableColumn(Markup.Escape(h)));
        foreach (var s in report.Systems) table.AddRow(Cells(s, ours).Select(Markup.Escape).ToArray());
        console.Write(table);
        if (double.IsFinite(report.OurFitSeconds)) console.WriteLine(OptimizerLine(report));
        if (report.TunedChoices.Count > 0) console.WriteLine(TunedLine(report));
    }

    private static string TunedLine(DatasetReport r) =>
        $"{OursTunedRunner.Name}: grid C ∈ {{3, 10, 30}} × NB weighting off/on (two-class data) × character n-grams within/across words, {OursTunedRunner.InnerFolds}-fold CV inside each training part; chosen: {string.Join("; ", r.TunedChoices)}.";

    private static string OptimizerLine(DatasetReport r) =>
        "Optimizer only, on StanceLab's features of the first split (median of 3 in-process fits; each solver against scikit-learn LogisticRegression(lbfgs) on its own objective): " +
        $"SDCA {F(r.OurFitSeconds, "0.000")} s vs scikit-learn with a penalized intercept {F(r.SklearnPenalizedFitSeconds, "0.000")} s ({Ratio(r.SklearnPenalizedFitSeconds, r.OurFitSeconds)}); " +
        $"L-BFGS {F(r.OurLbfgsFitSeconds, "0.000")} s vs scikit-learn {F(r.SklearnFitSeconds, "0.000")} s ({Ratio(r.SklearnFitSeconds, r.OurLbfgsFitSeconds)}).";


    public static string Markdown(DatasetReport report)
    {
        var ours = report.Systems[0];
        var md = new StringBuilder();
        md.AppendLine($"## {report.Dataset}").AppendLine();
        md.AppendLine($"{report.Protocol}; {report.TrainRows:N0} train / {report.TestRows:N0} test rows per split. Accuracy and macro-F1: mean over splits; times, memory and size: median of {report.TimedRuns} run(s) on the first split. Ratios are ours ÷ peer (train time and memory: lower is better for us; predict speed: higher is better).").AppendLine();
        md.AppendLine("| " + string.Join(" | ", Headers) + " |");
        md.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---:|", Headers.Length - 1)));
        foreach (var s in report.Systems) md.AppendLine("| " + string.Join(" | ", Cells(s, ours)) + " |");
        md.AppendLine();
        if (double.IsFinite(report.OurFitSeconds)) md.AppendLine(OptimizerLine(report)).AppendLine();
        if (report.TunedChoices.Count > 0) md.AppendLine(TunedLine(report)).AppendLine();
        return md.ToString();
    }

    public static string ToJson(object value) => JsonSerializer.Serialize(value, Json);

    public static DatasetReport FromJson(string json) =>
        JsonSerializer.Deserialize<DatasetReport>(json, Json) ?? throw new InvalidDataException("An empty benchmark report.");
}
