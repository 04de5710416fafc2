using StanceLab.Evaluation;

namespace StanceLab.Cli.Rendering;

/// <summary>The tables of a classification report: summary beside the majority baseline, per-class scores, confusion matrix.</summary>
internal static class ReportTables
{
    /// <param name="report">The head's report.</param>
    /// <param name="withBars">Draw an F1 bar beside each class (terminal view).</param>
    /// <param name="withCalibration">Add the reliability table and the accuracy-coverage curve (evaluate).</param>
    public static IEnumerable<TextTable> Of(ClassificationReport report, bool withBars, bool withCalibration = false)
    {
        var summary = new List<IReadOnlyList<string>>
        {
            new[] { "accuracy", Formatting.Ratio(report.Accuracy), $"{Formatting.Ratio(report.MajorityBaseline)} (always '{report.MajorityClass}')" },
            new[] { "macro-F1", Formatting.Ratio(report.MacroF1), Formatting.Ratio(report.MajorityMacroF1) },
            new[] { "weighted F1", Formatting.Ratio(report.WeightedF1), "" },
            new[] { "log-loss", Formatting.Ratio(report.LogLoss), "" },
            new[] { "ECE (10 bins)", Formatting.Ratio(report.Calibration.ExpectedCalibrationError), "" },
        };
        if (report.FoldAccuracies.Count > 0)
            summary.Add([$"accuracy per fold ({report.FoldAccuracies.Count})", $"{Formatting.Ratio(report.FoldAccuracyMean)} ± {Formatting.Ratio(report.FoldAccuracyStd)}", ""]);
        var leftOut = report.PerClass.Select(c => c.Class).Except(report.MacroF1Classes).ToArray();
        yield return new TextTable($"{report.Label} — {Formatting.Count(report.Rows, "sentence")}",
            [new("metric"), new("model", Numeric: true), new("majority baseline", Numeric: true)], summary,
            Caption: leftOut.Length == 0
                ? null
                : $"macro-F1 averages the {report.MacroF1Classes.Count} classes present in the truth or the predictions (scikit-learn's convention); left out: {string.Join(", ", leftOut)}");

        var perClassColumns = new List<TextColumn> { new("class"), new("precision", true), new("recall", true), new("F1", true), new("support", true) };
        if (withBars) perClassColumns.Add(new("F1 bar"));
        yield return new TextTable(null, perClassColumns, report.PerClass.Select(c =>
        {
            var cells = new List<string> { c.Class, Formatting.Ratio(c.Precision), Formatting.Ratio(c.Recall), Formatting.Ratio(c.F1), Formatting.Integer(c.Support) };
            if (withBars) cells.Add(Bar(c.F1));
            return (IReadOnlyList<string>)cells;
        }).ToArray());

        var matrix = report.Confusion;
        var columns = new List<TextColumn> { new("true \\ predicted") };
        columns.AddRange(matrix.Classes.Select(c => new TextColumn(c, Numeric: true)));
        yield return new TextTable(null, columns, matrix.Classes.Select((truth, t) =>
        {
            var cells = new List<string> { truth };
            for (int p = 0; p < matrix.Classes.Count; p++)
                cells.Add(matrix.Count(t, p).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return (IReadOnlyList<string>)cells;
        }).ToArray(), Caption: "rows: true class · columns: predicted class");

        if (!withCalibration) yield break;
        var calibration = report.Calibration;
        yield return new TextTable($"{report.Label} — reliability (ECE {Formatting.Ratio(calibration.ExpectedCalibrationError)})",
            [new("top probability"), new("sentences", true), new("mean probability", true), new("accuracy", true), new("gap", true)],
            calibration.Bins.Select(b => (IReadOnlyList<string>)[
                $"{b.Lower:0.0}–{b.Upper:0.0}", Formatting.Integer(b.Count), Formatting.Ratio(b.MeanConfidence), Formatting.Ratio(b.Accuracy),
                b.Count == 0 ? "–" : Formatting.Signed(b.Accuracy - b.MeanConfidence)]).ToArray(),
            Caption: "a well-calibrated head's accuracy matches its mean probability in every bin (gap 0); ECE is the sentence-weighted mean |gap|");
        yield return new TextTable($"{report.Label} — accuracy and coverage when answering only above a top probability (score --abstain P)",
            [new("P"), new("answered", true), new("accuracy on answered", true)],
            calibration.AccuracyCoverage.Select(c => (IReadOnlyList<string>)[
                Formatting.Ratio(c.Threshold), Formatting.Percent(c.Coverage), Formatting.Ratio(c.Accuracy)]).ToArray());
    }

    /// <summary>Each head's fitted temperature and its effect on the out-of-fold probabilities (cross-fitted, so not flattered).</summary>
    public static TextTable Temperatures(IReadOnlyList<HeadCalibration> calibration) =>
        new("Calibration: a temperature per head, fitted on the out-of-fold probabilities (stored in the model)",
            [new("head"), new("temperature", true), new("ECE before", true), new("ECE after", true), new("log-loss before", true), new("log-loss after", true)],
            calibration.Select(c => (IReadOnlyList<string>)[c.Column, Formatting.Ratio(c.Temperature), Formatting.Ratio(c.EceBefore), Formatting.Ratio(c.EceAfter), Formatting.Ratio(c.LogLossBefore), Formatting.Ratio(c.LogLossAfter)]).ToArray(),
            Caption: "after: each fold scaled by a temperature fitted on the other folds only");

    /// <summary>A 20-character bar for a share in [0, 1].</summary>
    public static string Bar(double fraction)
    {
        const int width = 20;
        int filled = double.IsFinite(fraction) ? (int)Math.Round(Math.Clamp(fraction, 0, 1) * width) : 0;
        return new string('█', filled) + new string('·', width - filled);
    }
}
