using StanceLab.Evaluation;

namespace StanceLab.Tests.Evaluation;

public sealed class CalibrationSummaryTests
{
    [Fact]
    public void Ece_is_the_row_weighted_gap_between_confidence_and_accuracy_per_bin()
    {
        // Two rows at 0.95 (one right), two at 0.65 (both right): gaps 0.45 and 0.35, half the rows each.
        int[] truth = [0, 1, 0, 0];
        double[][] p = [[0.95, 0.05], [0.95, 0.05], [0.65, 0.35], [0.65, 0.35]];

        var summary = CalibrationSummary.Compute(truth, p);

        Assert.Equal(0.5 * 0.45 + 0.5 * 0.35, summary.ExpectedCalibrationError, 12);
        Assert.Equal(2, summary.Bins[9].Count);
        Assert.Equal(0.5, summary.Bins[9].Accuracy, 12);
        Assert.Equal(2, summary.Bins[6].Count);
        Assert.Equal(CalibrationSummary.BinCount, summary.Bins.Count);
        Assert.True(double.IsNaN(summary.Bins[0].Accuracy));
    }

    [Fact]
    public void A_top_probability_of_one_falls_in_the_last_bin()
    {
        var summary = CalibrationSummary.Compute([0], [[1.0, 0.0]]);

        Assert.Equal(1, summary.Bins[^1].Count);
        Assert.Equal(0.0, summary.ExpectedCalibrationError);
    }

    [Fact]
    public void The_accuracy_coverage_curve_answers_only_above_each_threshold()
    {
        int[] truth = [0, 1, 0, 0];
        double[][] p = [[0.95, 0.05], [0.95, 0.05], [0.65, 0.35], [0.55, 0.45]];

        var curve = CalibrationSummary.Compute(truth, p).AccuracyCoverage.ToDictionary(c => c.Threshold);

        Assert.Equal(1.0, curve[0].Coverage);
        Assert.Equal(0.75, curve[0].Accuracy, 12);
        Assert.Equal(0.75, curve[0.6].Coverage, 12);
        Assert.Equal(2.0 / 3, curve[0.6].Accuracy, 12);
        Assert.Equal(0.5, curve[0.9].Coverage, 12);
        Assert.Equal(0.0, curve[0.99].Coverage);
        Assert.True(double.IsNaN(curve[0.99].Accuracy));
    }
}
