using System.Globalization;
using System.Text;
using Spectre.Console;

namespace StanceLab.Bench;

/// <summary>
/// The targets of the issue "StanceLab on ML.NET" (point 6), checked against one run's tables: one
/// row per data set, each cell the figure and whether it meets the target. The in-house engine's
/// figures are its last committed bench run (bench/results at commit 67bf257, 2026-11-21).
/// </summary>
public static class TargetSummary
{
    /// <summary>The in-house engine's last committed figures: linear and tuned accuracy (%), linear in-process rows/s.</summary>
    private static readonly Dictionary<string, (double Linear, double Tuned, double PredictInProcess)> InHouse = new(StringComparer.Ordinal)
    {
        ["SUBJ"] = (92.15, 92.38, 25_648),
        ["MR"] = (79.06, 80.17, 33_934),
        ["CR"] = (81.46, 81.67, 55_936),
        ["MPQA"] = (86.84, 87.31, 422_861),
        ["TREC"] = (91.40, 91.80, 144_071),
        ["AG-sub"] = (87.43, 87.43, 23_700),
    };

    /// <summary>The SUBJ figure ML.NET reached with character n-grams across word boundaries (issue's measurement, 10-fold).</summary>
    private const double SubjTarget = 93.1;

    private static readonly string[] Headers =
    [
        "data set", "linear ≥ in-house linear", "tuned ≥ in-house tuned", "SUBJ ≥ 93.1 (tuned)", "≥ best peer (tuned)",
        "train s (process) ≤ 2× fastText unigrams", "predict in-process ≥ in-house",
    ];

    public static IReadOnlyList<string[]> Rows(IReadOnlyList<DatasetReport> reports) => reports.Select(Row).ToArray();

    private static string[] Row(DatasetReport report)
    {
        SystemSummary? Find(string name) => report.Systems.FirstOrDefault(s => s.System == name && s.Available);
        var linear = Find(OursRunner.LinearName);
        var tuned = Find(OursTunedRunner.Name);
        var peers = report.Systems.Where(s => s.Available && !s.System.StartsWith("StanceLab", StringComparison.Ordinal)).ToArray();
        var bestPeer = peers.Where(s => double.IsFinite(s.AccuracyMean)).MaxBy(s => s.AccuracyMean);
        var fastText = Find("fastText unigrams");
        bool known = InHouse.TryGetValue(report.Dataset, out var before);

        return
        [
            report.Dataset,
            linear is null || !known ? "–" : Check(Pct(linear.AccuracyMean) >= before.Linear - 0.005, $"{Pct(linear.AccuracyMean):0.0} vs {before.Linear:0.0}"),
            tuned is null || !known ? "–" : Check(Pct(tuned.AccuracyMean) >= before.Tuned - 0.005, $"{Pct(tuned.AccuracyMean):0.0} vs {before.Tuned:0.0}"),
            report.Dataset != "SUBJ" || tuned is null ? "–" : Check(Math.Round(Pct(tuned.AccuracyMean), 1) >= SubjTarget, $"{Pct(tuned.AccuracyMean):0.0} vs {SubjTarget:0.0}"),
            tuned is null || bestPeer is null ? "–" : Check(tuned.AccuracyMean >= bestPeer.AccuracyMean - 1e-12, $"{Pct(tuned.AccuracyMean):0.0} vs {Pct(bestPeer.AccuracyMean):0.0} ({bestPeer.System})"),
            linear is null || fastText is null ? "–" : Check(linear.TrainSeconds <= 2 * fastText.TrainSeconds, $"{Sec(linear.TrainSeconds)} vs {Sec(fastText.TrainSeconds)} ({linear.TrainSeconds / fastText.TrainSeconds:0.00}×)"),
            linear is null || !known ? "–" : Check(linear.PredictRowsPerSecondInProcess >= before.PredictInProcess, $"{linear.PredictRowsPerSecondInProcess:N0} vs {before.PredictInProcess:N0}/s"),
        ];
    }

    private static string Check(bool met, FormattableString figure) => $"{(met ? "✓" : "✗")} {FormattableString.Invariant(figure)}";
    private static double Pct(double accuracy) => accuracy * 100;
    private static string Sec(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    public static void Print(IAnsiConsole console, IReadOnlyList<DatasetReport> reports)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Targets[/] (StanceLab on ML.NET, point 6) on this run");
        foreach (var h in Headers) table.AddColumn(new TableColumn(Markup.Escape(h)));
        foreach (var row in Rows(reports)) table.AddRow(row.Select(Markup.Escape).ToArray());
        console.Write(table);
    }

    public static string Markdown(IReadOnlyList<DatasetReport> reports)
    {
        var md = new StringBuilder();
        md.AppendLine("## Targets").AppendLine();
        md.AppendLine("The targets of the issue \"StanceLab on ML.NET\" (point 6). Each cell: ✓ met or ✗ missed, then this run's figure against the target's. "
            + "\"In-house\" is the engine StanceLab had before ML.NET, from its last committed bench run (commit 67bf257, 2026-11-21; accuracy to 0.1 point). "
            + "\"Tuned\" is StanceLab with its options chosen by nested cross-validation inside each training part, never on its test part; "
            + "\"best peer\" includes ML.NET's own FeaturizeText before the same trainer. Training time is the default linear pipeline as a whole process "
            + "(`stancelab train`, start-up and I/O included) against fastText unigrams in the same run; prediction speed is in-process on one core.").AppendLine();
        md.AppendLine("| " + string.Join(" | ", Headers) + " |");
        md.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---|", Headers.Length - 1)));
        foreach (var row in Rows(reports)) md.AppendLine("| " + string.Join(" | ", row) + " |");
        return md.AppendLine().ToString();
    }
}
