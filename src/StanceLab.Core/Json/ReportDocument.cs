// Parameters are documented where their name does not say it all; the README's JSON section documents every field.
#pragma warning disable CS1573
using StanceLab.Evaluation;

namespace StanceLab.Json;

/// <summary>
/// Classification reports: <c>train --format json</c> (kind "cross-validation", with folds and
/// seed) and <c>evaluate --format json</c> (kind "evaluation", with the model and the number of
/// evaluated rows that were in its training data).
/// </summary>
public sealed record ReportDocument(
    int SchemaVersion,
    string Kind,
    int Rows,
    IReadOnlyList<HeadReportJson> Heads)
{
    public int? Folds { get; init; }
    public int? Seed { get; init; }
    public string? Model { get; init; }
    public int? TrainingOverlapRows { get; init; }

    /// <summary>train: each head's fitted temperature and the ECE and log-loss before and after it (cross-fitted).</summary>
    public IReadOnlyList<HeadCalibrationJson>? Calibration { get; init; }

    public static ReportDocument From(string kind, IReadOnlyList<ClassificationReport> reports) =>
        new(JsonSchema.Version, kind, reports.Count == 0 ? 0 : reports[0].Rows, reports.Select(HeadReportJson.From).ToArray());
}

/// <param name="Label">The head (label column).</param>
/// <param name="MacroF1Classes">The classes macro-F1 averages: those present in the truth or the predictions.</param>
/// <param name="FoldAccuracies">Under cross-validation, each fold's accuracy (omitted otherwise), with their mean and population std.</param>
public sealed record HeadReportJson(
    string Label,
    int Rows,
    double Accuracy,
    double MacroF1,
    IReadOnlyList<string> MacroF1Classes,
    double WeightedF1,
    double MajorityBaseline,
    string MajorityClass,
    double MajorityMacroF1,
    double LogLoss,
    double Ece,
    IReadOnlyList<ReliabilityBinJson> Reliability,
    IReadOnlyList<CoveragePointJson> AccuracyCoverage,
    IReadOnlyList<double>? FoldAccuracies,
    double? FoldAccuracyMean,
    double? FoldAccuracyStd,
    IReadOnlyList<ClassMetricsJson> PerClass,
    ConfusionJson Confusion)
{
    public static HeadReportJson From(ClassificationReport r) => new(
        r.Label, r.Rows, r.Accuracy, r.MacroF1, r.MacroF1Classes, r.WeightedF1, r.MajorityBaseline, r.MajorityClass, r.MajorityMacroF1, r.LogLoss,
        r.Calibration.ExpectedCalibrationError,
        r.Calibration.Bins.Select(b => new ReliabilityBinJson(b.Lower, b.Upper, b.Count, b.MeanConfidence, b.Accuracy)).ToArray(),
        r.Calibration.AccuracyCoverage.Select(c => new CoveragePointJson(c.Threshold, c.Coverage, c.Accuracy)).ToArray(),
        r.FoldAccuracies.Count > 0 ? r.FoldAccuracies : null,
        r.FoldAccuracies.Count > 0 ? r.FoldAccuracyMean : null,
        r.FoldAccuracies.Count > 0 ? r.FoldAccuracyStd : null,
        r.PerClass.Select(c => new ClassMetricsJson(c.Class, c.Precision, c.Recall, c.F1, c.Support)).ToArray(),
        new ConfusionJson(r.Confusion.Classes, r.Confusion.ToArray()));
}

public sealed record ClassMetricsJson(string Class, double Precision, double Recall, double F1, int Support);

/// <param name="Classes">Row and column order of the matrix.</param>
/// <param name="Matrix">matrix[true][predicted]: counts of rows.</param>
public sealed record ConfusionJson(IReadOnlyList<string> Classes, int[][] Matrix);

/// <param name="Lower">The bin's lowest top probability; <paramref name="Upper"/> its bound.</param>
/// <param name="MeanConfidence">Mean top probability of its rows (null when empty).</param>
/// <param name="Accuracy">Share of its rows predicted right (null when empty).</param>
public sealed record ReliabilityBinJson(double Lower, double Upper, int Count, double MeanConfidence, double Accuracy);

/// <param name="Threshold">Answer only when the top probability is at least this.</param>
/// <param name="Coverage">Share of rows answered.</param>
/// <param name="Accuracy">Accuracy on those rows.</param>
public sealed record CoveragePointJson(double Threshold, double Coverage, double Accuracy);

public sealed record HeadCalibrationJson(string Label, double Temperature, double EceBefore, double EceAfter, double LogLossBefore, double LogLossAfter)
{
    public static HeadCalibrationJson From(HeadCalibration c) => new(c.Column, c.Temperature, c.EceBefore, c.EceAfter, c.LogLossBefore, c.LogLossAfter);
}
