using System.Globalization;
using System.Text;
using Spectre.Console;

namespace StanceLab.Bench;

/// <summary>
/// Issue 5's targets, checked against one run's tables: one row per data set, each cell the figure
/// and whether it meets the target. Accuracy is StanceLab's nested-CV tuned system (tuned inside
/// each training part only), or the default linear pipeline when tuning was not run.
/// </summary>
public static class TargetSummary
{
    /// <summary>Wang &amp; Manning (2012), best of MNB-bi and NBSVM-bi, from the data sets' READMEs.</summary>
    private static readonly Dictionary<string, double> WangManning = new(StringComparer.Ordinal)
    {
        ["MR"] = 79.4,
        ["SUBJ"] = 93.6,
        ["CR"] = 81.8,
        ["MPQA"] = 86.3,
    };

    private static readonly string[] Headers =
    [
        "data set", "accuracy ≥ best peer", "≥ Wang & Manning (bigrams)", "train s (process) ≤ fastText unigrams",
        "optimizer ≥ 5× scikit-learn", "peak memory ≤ scikit-learn", "predict (process) ≥ fastText", "predict in-process ≥ 200k/s",
    ];

    public static IReadOnlyList<string[]> Rows(IReadOnlyList<DatasetReport> reports) => reports.Select(Row).ToArray();

    private static string[] Row(DatasetReport report)
    {
        SystemSummary? Find(string name) => report.Systems.FirstOrDefault(s => s.System == name && s.Available);
        var linear = Find(OursRunner.LinearName);
        var ours = Find(OursTunedRunner.Name) ?? linear;
        var peers = report.Systems.Where(s => s.Available && !s.System.StartsWith("StanceLab", StringComparison.Ordinal)).ToArray();
        var bestPeer = peers.MaxBy(s => s.AccuracyMean);
        var fastText = Find("fastText unigrams");
        var fastTextPredict = new[] { fastText, Find("fastText bigrams") }.FirstOrDefault(s => s is not null && double.IsFinite(s.PredictRowsPerSecond));
        var sklearnMemory = peers.Where(s => s.System.StartsWith("sklearn", StringComparison.Ordinal)).Select(s => s.TrainPeakRssMiB).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Min();

        return
        [
            report.Dataset,
            ours is null || bestPeer is null ? "–" : Check(ours.AccuracyMean >= bestPeer.AccuracyMean - 1e-12, $"{Pct(ours.AccuracyMean)} vs {Pct(bestPeer.AccuracyMean)} ({bestPeer.System})"),
            ours is null || !WangManning.TryGetValue(report.Dataset, out double published) ? "–" : Check(Math.Round(ours.AccuracyMean * 100, 1) >= published, $"{Pct(ours.AccuracyMean)} vs {published.ToString("0.0", CultureInfo.InvariantCulture)}"),
            linear is null || fastText is null ? "–" : Check(linear.TrainSeconds <= fastText.TrainSeconds, $"{Sec(linear.TrainSeconds)} vs {Sec(fastText.TrainSeconds)}"),
            !double.IsFinite(report.OurFitSeconds) || !double.IsFinite(report.SklearnPenalizedFitSeconds)
                ? "–"
                : Check(report.SklearnPenalizedFitSeconds / report.OurFitSeconds >= 5,
                    $"SDCA {ReportWriter.Ratio(report.SklearnPenalizedFitSeconds, report.OurFitSeconds)} (L-BFGS {ReportWriter.Ratio(report.SklearnFitSeconds, report.OurLbfgsFitSeconds)})"),
            linear is null || !double.IsFinite(sklearnMemory) ? "–" : Check(linear.TrainPeakRssMiB <= sklearnMemory, $"{linear.TrainPeakRssMiB:0} vs {sklearnMemory:0} MiB"),
            linear is null || fastTextPredict is null ? "–" : Check(linear.PredictRowsPerSecond >= fastTextPredict.PredictRowsPerSecond, $"{linear.PredictRowsPerSecond:N0} vs {fastTextPredict.PredictRowsPerSecond:N0}/s"),
            linear is null ? "–" : Check(linear.PredictRowsPerSecondInProcess >= 200_000, $"{linear.PredictRowsPerSecondInProcess:N0}/s"),
        ];
    }

    private static string Check(bool met, string figure) => $"{(met ? "✓" : "✗")} {figure}";
    private static string Pct(double accuracy) => (accuracy * 100).ToString("0.0", CultureInfo.InvariantCulture);
    private static string Sec(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    public static void Print(IAnsiConsole console, IReadOnlyList<DatasetReport> reports)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Targets[/] (issue 5) on this run");
        foreach (var h in Headers) table.AddColumn(new TableColumn(Markup.Escape(h)));
        foreach (var row in Rows(reports)) table.AddRow(row.Select(Markup.Escape).ToArray());
        console.Write(table);
    }

    public static string Markdown(IReadOnlyList<DatasetReport> reports)
    {
        var md = new StringBuilder();
        md.AppendLine("## Targets").AppendLine();
        md.AppendLine("Each cell: ✓ met or ✗ missed, then StanceLab's figure against the target's. Accuracy is StanceLab tuned by nested cross-validation (options chosen inside each training part, never on its test part); times, speeds and memory are the default linear pipeline's, whole process unless marked in-process. Memory is compared with the leaner of the two scikit-learn pipelines; prediction speed with fastText unigrams (bigrams where unigrams' prediction was not timed). The optimizer column compares the default SDCA fit with scikit-learn's on the same objective (penalized intercept), and in brackets our L-BFGS with scikit-learn's default objective.").AppendLine();
        md.AppendLine("| " + string.Join(" | ", Headers) + " |");
        md.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---|", Headers.Length - 1)));
        foreach (var row in Rows(reports)) md.AppendLine("| " + string.Join(" | ", row) + " |");
        return md.AppendLine().ToString();
    }
}
