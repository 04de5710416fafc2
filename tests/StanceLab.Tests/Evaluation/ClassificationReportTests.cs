using StanceLab.Evaluation;
using static StanceLab.Tests.Evaluation.MetricsTestData;

namespace StanceLab.Tests.Evaluation;

public sealed class ClassificationReportTests
{
    private const double Tolerance = 1e-12;

    // truth      a a a b b c
    // predicted  a a b b c c
    private static readonly int[] HandTruth = [0, 0, 0, 1, 1, 2];
    private static readonly double[][] HandProbabilities = RowsPredicting(3, 0, 0, 1, 1, 2, 2);

    private static ClassificationReport HandReport() =>
        ClassificationReport.Compute("topic", ThreeClasses, HandTruth, HandProbabilities);

    [Fact]
    public void Per_class_precision_recall_and_f1_match_a_hand_computation()
    {
        var perClass = HandReport().PerClass;

        // a: TP 2 of 2 predicted, 2 of 3 true -> P 1, R 2/3, F1 2*1*(2/3)/(1+2/3) = 0.8
        AssertClass(perClass[0], "a", 1.0, 2.0 / 3, 0.8, 3);
        // b: TP 1 of 2 predicted, 1 of 2 true -> P 1/2, R 1/2, F1 1/2
        AssertClass(perClass[1], "b", 0.5, 0.5, 0.5, 2);
        // c: TP 1 of 2 predicted, 1 of 1 true -> P 1/2, R 1, F1 2/3
        AssertClass(perClass[2], "c", 0.5, 1.0, 2.0 / 3, 1);
    }

    [Fact]
    public void Accuracy_and_macro_and_weighted_f1_match_a_hand_computation()
    {
        var report = HandReport();

        Assert.Equal("topic", report.Label);
        Assert.Equal(6, report.Rows);
        Assert.Equal(4.0 / 6, report.Accuracy, Tolerance);
        Assert.Equal((0.8 + 0.5 + 2.0 / 3) / 3, report.MacroF1, Tolerance);
        Assert.Equal((0.8 * 3 + 0.5 * 2 + 2.0 / 3 * 1) / 6, report.WeightedF1, Tolerance);
    }

    [Fact]
    public void Perfect_predictions_score_one_everywhere()
    {
        int[] truth = [0, 1, 2, 2, 1, 0, 0];
        var report = ClassificationReport.Compute("stance", ThreeClasses, truth, RowsPredicting(3, truth));

        Assert.Equal(1.0, report.Accuracy);
        Assert.Equal(1.0, report.MacroF1);
        Assert.Equal(1.0, report.WeightedF1);
        Assert.All(report.PerClass, m =>
        {
            Assert.Equal(1.0, m.Precision);
            Assert.Equal(1.0, m.Recall);
            Assert.Equal(1.0, m.F1);
        });
        Assert.Equal(truth.Length, report.Confusion.Correct);
    }

    [Fact]
    public void Macro_f1_leaves_out_a_class_neither_present_nor_predicted_as_scikit_learn_does()
    {
        // Only a and b occur; the model knows c, which has no support and is never predicted.
        int[] truth = [0, 1, 0, 1];
        var report = ClassificationReport.Compute("topic", ThreeClasses, truth, RowsPredicting(3, truth));

        AssertClass(report.PerClass[2], "c", 0, 0, 0, 0);
        Assert.Equal(1.0, report.MacroF1, Tolerance);
        Assert.Equal(["a", "b"], report.MacroF1Classes);
        Assert.Equal(1.0, report.WeightedF1, Tolerance);
    }

    [Fact]
    public void Macro_f1_still_counts_a_class_that_is_predicted_but_never_true_as_zero()
    {
        // c is predicted once and never true: it stays in the average with F1 0.
        int[] truth = [0, 1, 0, 1];
        var report = ClassificationReport.Compute("topic", ThreeClasses, truth, RowsPredicting(3, 0, 1, 0, 2));

        Assert.Equal(["a", "b", "c"], report.MacroF1Classes);
        Assert.Equal((1.0 + 2.0 / 3 + 0) / 3, report.MacroF1, Tolerance);
    }

    [Fact]
    public void Precision_of_a_class_never_predicted_is_zero_not_nan()
    {
        // c is present once but never predicted.
        var report = ClassificationReport.Compute("topic", ThreeClasses, [0, 1, 2], RowsPredicting(3, 0, 1, 0));

        AssertClass(report.PerClass[2], "c", 0, 0, 0, 1);
    }

    [Fact]
    public void Per_class_metrics_follow_class_order()
    {
        Assert.Equal(ThreeClasses, HandReport().PerClass.Select(m => m.Class));
        Assert.Equal(ThreeClasses, HandReport().Confusion.Classes);
    }

    [Theory]
    [InlineData(0.5, 0.5, 0.0, "a")]
    [InlineData(0.2, 0.4, 0.4, "b")]
    [InlineData(0.0, 0.5, 0.5, "b")]
    [InlineData(1.0 / 3, 1.0 / 3, 1.0 / 3, "a")]
    public void Argmax_ties_go_to_the_lowest_class_id(double pa, double pb, double pc, string expected)
    {
        var report = ClassificationReport.Compute("topic", ThreeClasses, [2], [[pa, pb, pc]]);

        int predicted = Array.IndexOf(report.Confusion.ToArray()[2], 1);
        Assert.Equal(expected, ThreeClasses[predicted]);
    }

    [Fact]
    public void Log_loss_is_the_mean_negative_log_probability_of_the_true_class()
    {
        double[][] probabilities = [[0.7, 0.2, 0.1], [0.1, 0.6, 0.3]];

        var report = ClassificationReport.Compute("topic", ThreeClasses, [0, 2], probabilities);

        Assert.Equal((-Math.Log(0.7) - Math.Log(0.3)) / 2, report.LogLoss, Tolerance);
    }

    [Fact]
    public void Log_loss_clips_a_zero_true_class_probability_at_1e_minus_15()
    {
        double[][] probabilities = [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]];

        var report = ClassificationReport.Compute("topic", ThreeClasses, [0, 0], probabilities);

        Assert.True(double.IsFinite(report.LogLoss));
        Assert.Equal(-Math.Log(1e-15) / 2, report.LogLoss, Tolerance);
        Assert.Equal(1e-15, ClassificationReport.LogLossEpsilon);
    }

    [Fact]
    public void Majority_baseline_predicts_the_most_frequent_true_class()
    {
        var report = HandReport(); // a is 3 of 6

        Assert.Equal("a", report.MajorityClass);
        Assert.Equal(0.5, report.MajorityBaseline, Tolerance);
    }

    [Fact]
    public void Majority_baseline_macro_f1_is_the_majority_class_f1_over_the_class_count()
    {
        var report = HandReport(); // always "a": precision 3/6, recall 1, F1 2/3; b and c score 0

        Assert.Equal(2.0 / 3.0 / 3.0, report.MajorityMacroF1, Tolerance);
    }

    [Fact]
    public void Majority_baseline_ties_go_to_the_lowest_class_id()
    {
        int[] truth = [2, 1, 1, 2, 0];

        var report = ClassificationReport.Compute("topic", ThreeClasses, truth, RowsPredicting(3, truth));

        Assert.Equal("b", report.MajorityClass);
        Assert.Equal(0.4, report.MajorityBaseline, Tolerance);
    }

    [Fact]
    public void Majority_baseline_uses_the_given_fold_majority_predictions()
    {
        // Fitted per training fold, the majority model said "b" on five rows and "a" on one; the
        // majority of the truth itself would be "a" with a baseline of 3/6.
        int[] majority = [1, 1, 1, 1, 1, 0];

        var report = ClassificationReport.Compute("topic", ThreeClasses, HandTruth, HandProbabilities, majority);

        Assert.Equal("b", report.MajorityClass);
        Assert.Equal(2.0 / 6, report.MajorityBaseline, Tolerance); // only rows 3 and 4 (both b) match
    }

    [Fact]
    public void Fold_accuracy_mean_and_std_are_the_population_statistics()
    {
        var report = ClassificationReport.Compute(
            "topic", ThreeClasses, HandTruth, HandProbabilities, foldAccuracies: [0.5, 0.7, 0.9]);

        Assert.Equal([0.5, 0.7, 0.9], report.FoldAccuracies);
        Assert.Equal(0.7, report.FoldAccuracyMean, Tolerance);
        Assert.Equal(Math.Sqrt((0.04 + 0 + 0.04) / 3), report.FoldAccuracyStd, Tolerance);
    }

    [Fact]
    public void Fold_statistics_are_nan_when_the_report_is_not_from_cross_validation()
    {
        var report = HandReport();

        Assert.Empty(report.FoldAccuracies);
        Assert.True(double.IsNaN(report.FoldAccuracyMean));
        Assert.True(double.IsNaN(report.FoldAccuracyStd));
    }

    [Fact]
    public void The_report_does_not_keep_the_callers_lists()
    {
        var folds = new List<double> { 0.5, 0.6 };
        var report = ClassificationReport.Compute(
            "topic", ThreeClasses, HandTruth, HandProbabilities, foldAccuracies: folds);

        folds[0] = 0.0;

        Assert.Equal(0.5, report.FoldAccuracies[0]);
        Assert.IsNotType<double[]>(report.FoldAccuracies);
        Assert.IsNotType<ClassMetrics[]>(report.PerClass);
    }

    private static void AssertClass(ClassMetrics m, string name, double precision, double recall, double f1, int support)
    {
        Assert.Equal(name, m.Class);
        Assert.Equal(precision, m.Precision, Tolerance);
        Assert.Equal(recall, m.Recall, Tolerance);
        Assert.Equal(f1, m.F1, Tolerance);
        Assert.Equal(support, m.Support);
    }
}
