namespace StanceLab.Bench;

/// <summary>
/// One system on one data set: accuracy and macro-F1 over all splits (mean ± std), times and memory
/// as the median of the timed runs (several runs on the first split, as in BASELINES.md).
/// </summary>
public sealed record SystemSummary(
    string System,
    bool Available,
    string? Reason,
    int Splits,
    double AccuracyMean,
    double AccuracyStd,
    double MacroF1Mean,
    double TrainSeconds,
    double TrainSecondsInProcess,
    double PredictRowsPerSecond,
    double PredictRowsPerSecondInProcess,
    double TrainPeakRssMiB,
    double PredictPeakRssMiB,
    double ModelBytes)
{
    public static SystemSummary From(string system, IReadOnlyList<FoldResult> accuracyRuns, IReadOnlyList<FoldResult> timedRuns)
    {
        var unavailable = accuracyRuns.Concat(timedRuns).FirstOrDefault(r => !r.Available);
        if (unavailable is not null)
            return new SystemSummary(system, false, unavailable.Reason, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var accuracy = accuracyRuns.Select(r => r.Accuracy).ToArray();
        double mean = accuracy.Average();
        double std = Math.Sqrt(accuracy.Select(a => (a - mean) * (a - mean)).Average());
        return new SystemSummary(system, true, null, accuracyRuns.Count, mean, std,
            accuracyRuns.Select(r => r.MacroF1).Average(),
            Median(timedRuns.Select(r => r.TrainSeconds)),
            Median(timedRuns.Select(r => r.TrainSecondsInProcess)),
            Median(timedRuns.Select(r => r.PredictRowsPerSecond)),
            Median(timedRuns.Select(r => r.PredictRowsPerSecondInProcess)),
            Median(timedRuns.Select(r => r.TrainPeakRssMiB)),
            Median(timedRuns.Select(r => r.PredictPeakRssMiB)),
            Median(timedRuns.Select(r => r.ModelBytes)));
    }

    public static double Median(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).Order().ToArray();
        if (v.Length == 0) return double.NaN;
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }
}

/// <summary>Every system on one data set.</summary>
public sealed record DatasetReport(string Dataset, string Protocol, int TrainRows, int TestRows, int TimedRuns, IReadOnlyList<SystemSummary> Systems)
{
    /// <summary>Our default solver's (SDCA) fit alone on StanceLab's features of the first split, median of 3.</summary>
    public double OurFitSeconds { get; init; } = double.NaN;

    public double OurLbfgsFitSeconds { get; init; } = double.NaN;

    /// <summary>scikit-learn on our L-BFGS objective (intercept unpenalized).</summary>
    public double SklearnFitSeconds { get; init; } = double.NaN;

    /// <summary>scikit-learn on our SDCA objective (intercept a penalized constant feature).</summary>
    public double SklearnPenalizedFitSeconds { get; init; } = double.NaN;

    /// <summary>What nested cross-validation chose on each split ("split-0: C=10, words 1-2, chars 3-5, NB").</summary>
    public IReadOnlyList<string> TunedChoices { get; init; } = [];
}
