namespace StanceLab.Evaluation;

/// <summary>One bin of a reliability table: rows whose top probability fell in [Lower, Upper).</summary>
/// <param name="Lower">The bin's lowest top probability.</param>
/// <param name="Upper">Its upper bound (the last bin includes 1).</param>
/// <param name="Count">Rows in the bin.</param>
/// <param name="MeanConfidence">Mean top probability of the bin's rows (NaN when empty).</param>
/// <param name="Accuracy">Share of the bin's rows whose top label was right (NaN when empty).</param>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanConfidence, double Accuracy);

/// <summary>
/// Answering only when the top probability is at least <paramref name="Threshold"/>: the share of
/// rows answered and the accuracy on them (NaN when none is answered). Lets a user choose
/// <c>score --abstain P</c>.
/// </summary>
public sealed record CoveragePoint(double Threshold, double Coverage, double Accuracy);

/// <summary>
/// How far a head's probabilities can be taken at their word: the expected calibration error
/// over 10 equal-width bins of the top probability (the support-weighted mean gap between
/// confidence and accuracy, Guo et al. 2017), the reliability table behind it, and the
/// accuracy-coverage curve.
/// </summary>
public sealed record CalibrationSummary(double ExpectedCalibrationError, IReadOnlyList<ReliabilityBin> Bins, IReadOnlyList<CoveragePoint> AccuracyCoverage)
{
    public const int BinCount = 10;

    /// <summary>The thresholds of the accuracy-coverage curve.</summary>
    public static readonly IReadOnlyList<double> Thresholds = [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99];

    /// <param name="truth">True class id of every row.</param>
    /// <param name="probabilities">Every row's class probabilities; the top one is the row's confidence, ties to the lowest id.</param>
    public static CalibrationSummary Compute(IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (truth.Count != probabilities.Count) throw new ArgumentException("truth and probabilities differ in length.");
        int n = truth.Count;
        var confidence = new double[n];
        var correct = new bool[n];
        for (int i = 0; i < n; i++)
        {
            var p = probabilities[i];
            int best = 0;
            for (int c = 1; c < p.Length; c++) if (p[c] > p[best]) best = c;
            confidence[i] = p[best];
            correct[i] = best == truth[i];
        }

        var counts = new int[BinCount];
        var confidenceSums = new double[BinCount];
        var hits = new int[BinCount];
        for (int i = 0; i < n; i++)
        {
            int b = Math.Min((int)(confidence[i] * BinCount), BinCount - 1);
            counts[b]++;
            confidenceSums[b] += confidence[i];
            if (correct[i]) hits[b]++;
        }
        double ece = 0;
        var bins = new ReliabilityBin[BinCount];
        for (int b = 0; b < BinCount; b++)
        {
            double meanConfidence = counts[b] == 0 ? double.NaN : confidenceSums[b] / counts[b];
            double accuracy = counts[b] == 0 ? double.NaN : (double)hits[b] / counts[b];
            bins[b] = new ReliabilityBin((double)b / BinCount, (double)(b + 1) / BinCount, counts[b], meanConfidence, accuracy);
            if (counts[b] > 0) ece += (double)counts[b] / n * Math.Abs(accuracy - meanConfidence);
        }

        var curve = Thresholds.Select(t =>
        {
            int answered = 0, right = 0;
            for (int i = 0; i < n; i++)
            {
                if (confidence[i] < t) continue;
                answered++;
                if (correct[i]) right++;
            }
            return new CoveragePoint(t, n == 0 ? double.NaN : (double)answered / n, answered == 0 ? double.NaN : (double)right / answered);
        }).ToArray();
        return new CalibrationSummary(n == 0 ? double.NaN : ece, bins, curve);
    }
}
