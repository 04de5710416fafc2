namespace StanceLab.Evaluation;

/// <summary>
/// The numbers of one classifier head on labelled rows: data only, so the CLI can render the same
/// report as a table, JSON, Markdown or HTML. Build it with <see cref="Compute"/>, whose definitions
/// follow scikit-learn's so the values can be checked against it (see
/// <c>tools/reference/make_metrics_fixture.py</c>).
/// </summary>
/// <param name="Label">The label column (head) the classes belong to, e.g. "topic".</param>
/// <param name="Rows">Rows evaluated (under cross-validation, all folds' test rows together).</param>
/// <param name="Accuracy">Share of rows whose argmax class is the true class.</param>
/// <param name="MacroF1">
/// Unweighted mean of the F1 of every class present in the truth or the predictions (scikit-learn's
/// convention), so a rare class weighs as much as a common one and a class the rows never mention
/// does not count as a failure.
/// </param>
/// <param name="WeightedF1">Support-weighted mean of the per-class F1.</param>
/// <param name="MajorityBaseline">
/// Accuracy of always predicting the most frequent class: the bar a model has to clear before its
/// accuracy means anything on skewed classes.
/// </param>
/// <param name="MajorityClass">The class the baseline predicts (the most frequent of its predictions).</param>
/// <param name="LogLoss">Mean negative log-probability of the true class; rewards calibration, not just ranking.</param>
/// <param name="PerClass">One entry per class, in class-id order.</param>
/// <param name="Confusion">Counts behind the per-class numbers, for renderers that show the errors.</param>
/// <param name="FoldAccuracies">Accuracy of each cross-validation fold; empty for a single evaluation.</param>
public sealed record ClassificationReport(
    string Label,
    int Rows,
    double Accuracy,
    double MacroF1,
    double WeightedF1,
    double MajorityBaseline,
    string MajorityClass,
    double LogLoss,
    IReadOnlyList<ClassMetrics> PerClass,
    ConfusionMatrix Confusion,
    IReadOnlyList<double> FoldAccuracies)
{
    /// <summary>
    /// The floor on the true class's probability in <see cref="LogLoss"/>: one confidently wrong row
    /// would otherwise make the whole loss infinite. Same value as scikit-learn's former default eps.
    /// </summary>
    public const double LogLossEpsilon = 1e-15;

    /// <summary>
    /// Macro-F1 of the majority baseline: F1 of the majority class divided by the class count. The
    /// bar <see cref="MacroF1"/> has to clear, as <see cref="MajorityBaseline"/> is for accuracy.
    /// </summary>
    public double MajorityMacroF1 { get; init; }

    /// <summary>
    /// The classes <see cref="MacroF1"/> averages over: those present in the truth or the
    /// predictions, in class-id order. Reports name them when some class is left out.
    /// </summary>
    public IReadOnlyList<string> MacroF1Classes { get; init; } = [];

    /// <summary>Expected calibration error, reliability table and accuracy-coverage curve of the probabilities.</summary>
    public CalibrationSummary Calibration { get; init; } = CalibrationSummary.Compute([], []);

    /// <summary>Mean of <see cref="FoldAccuracies"/>; NaN when the report is not from cross-validation.</summary>
    public double FoldAccuracyMean => FoldAccuracies.Count == 0 ? double.NaN : FoldAccuracies.Average();

    /// <summary>
    /// Population standard deviation of <see cref="FoldAccuracies"/> (the folds are all the folds
    /// there are, not a sample of them, as in scikit-learn's <c>np.std</c>); NaN when empty.
    /// </summary>
    public double FoldAccuracyStd
    {
        get
        {
            if (FoldAccuracies.Count == 0) return double.NaN;
            double mean = FoldAccuracyMean, sum = 0;
            foreach (var a in FoldAccuracies) sum += (a - mean) * (a - mean);
            return Math.Sqrt(sum / FoldAccuracies.Count);
        }
    }

    /// <summary>
    /// Scores predicted class probabilities against the truth.
    /// </summary>
    /// <param name="label">The label column (head) name.</param>
    /// <param name="classes">Class names; ids in the other arguments index this list.</param>
    /// <param name="truth">True class id of every row.</param>
    /// <param name="probabilities">
    /// Predicted probability of every class for every row. The predicted class is the row's argmax,
    /// ties to the lowest id, so equal scores give the same answer on every run and platform.
    /// </param>
    /// <param name="majorityPredictions">
    /// Under cross-validation, each row's prediction by a majority-class model fitted on that row's
    /// training folds: a fair baseline, since the majority of the whole data set peeks at the test
    /// fold. Null to use the majority of <paramref name="truth"/>.
    /// </param>
    /// <param name="foldAccuracies">Per-fold accuracies under cross-validation; null otherwise.</param>
    /// <remarks>
    /// Macro-F1 averages over the classes present in the truth or the predictions (scikit-learn's
    /// default <c>labels</c>, <c>zero_division=0</c>): perfect predictions score 1 even when the
    /// model knows a class the rows never mention, while a class that is present but never
    /// predicted (or predicted but absent) still counts as F1 0. Probability rows are not renormalized; they are expected to sum to 1 already.
    /// </remarks>
    /// <exception cref="ArgumentException">Inputs are empty, differ in length, or hold out-of-range ids or invalid probabilities.</exception>
    public static ClassificationReport Compute(
        string label,
        IReadOnlyList<string> classes,
        IReadOnlyList<int> truth,
        IReadOnlyList<double[]> probabilities,
        IReadOnlyList<int>? majorityPredictions = null,
        IReadOnlyList<double>? foldAccuracies = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        var names = MetricInputs.CopyClasses(classes, nameof(classes));
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (truth.Count == 0)
            throw new ArgumentException("There are no rows to evaluate.", nameof(truth));
        MetricInputs.RequireLength(probabilities.Count, truth.Count, nameof(probabilities), nameof(truth));
        MetricInputs.RequireClassIds(truth, names.Length, nameof(truth));
        RequireProbabilityRows(probabilities, names.Length);
        if (majorityPredictions is not null)
        {
            MetricInputs.RequireLength(majorityPredictions.Count, truth.Count, nameof(majorityPredictions), nameof(truth));
            MetricInputs.RequireClassIds(majorityPredictions, names.Length, nameof(majorityPredictions));
        }
        var folds = CopyFoldAccuracies(foldAccuracies);

        int rows = truth.Count;
        var predicted = new int[rows];
        double lossSum = 0;
        for (int i = 0; i < rows; i++)
        {
            predicted[i] = ArgMax(probabilities[i]);
            lossSum -= Math.Log(Math.Max(probabilities[i][truth[i]], LogLossEpsilon));
        }

        var confusion = new ConfusionMatrix(names, truth, predicted);
        var perClass = new ClassMetrics[names.Length];
        double weightedSum = 0;
        for (int c = 0; c < names.Length; c++)
        {
            perClass[c] = ClassMetrics.From(confusion, c);
            weightedSum += perClass[c].F1 * perClass[c].Support;
        }
        var macroClasses = Mentioned(confusion);
        double macroF1 = macroClasses.Average(c => perClass[c].F1);

        int majorityClass;
        double majorityBaseline;
        if (majorityPredictions is null)
        {
            majorityClass = MostFrequent(truth, names.Length);
            majorityBaseline = (double)confusion.TruthTotal(majorityClass) / rows;
        }
        else
        {
            majorityClass = MostFrequent(majorityPredictions, names.Length);
            int hits = 0;
            for (int i = 0; i < rows; i++) if (majorityPredictions[i] == truth[i]) hits++;
            majorityBaseline = (double)hits / rows;
        }

        var baselinePredictions = majorityPredictions ?? Enumerable.Repeat(majorityClass, rows).ToArray();
        var baselineConfusion = new ConfusionMatrix(names, truth, baselinePredictions);
        double baselineMacro = Mentioned(baselineConfusion).Average(c => ClassMetrics.From(baselineConfusion, c).F1);

        return new ClassificationReport(
            label,
            rows,
            (double)confusion.Correct / rows,
            macroF1,
            weightedSum / rows,
            majorityBaseline,
            names[majorityClass],
            lossSum / rows,
            Array.AsReadOnly(perClass),
            confusion,
            Array.AsReadOnly(folds))
        {
            MajorityMacroF1 = baselineMacro,
            MacroF1Classes = Array.AsReadOnly(macroClasses.Select(c => names[c]).ToArray()),
            Calibration = CalibrationSummary.Compute(truth, probabilities),
        };
    }

    /// <summary>The class ids that occur in the truth or the predictions: the labels macro-F1 averages over.</summary>
    private static int[] Mentioned(ConfusionMatrix confusion) =>
        Enumerable.Range(0, confusion.Classes.Count).Where(c => confusion.TruthTotal(c) > 0 || confusion.PredictedTotal(c) > 0).ToArray();

    private static void RequireProbabilityRows(IReadOnlyList<double[]> probabilities, int classCount)
    {
        for (int i = 0; i < probabilities.Count; i++)
        {
            var row = probabilities[i]
                ?? throw new ArgumentException($"probabilities[{i}] is null.", nameof(probabilities));
            if (row.Length != classCount)
                throw new ArgumentException(
                    $"probabilities[{i}] has {row.Length} entries but there are {classCount} classes.", nameof(probabilities));
            for (int c = 0; c < row.Length; c++)
            {
                // NaN would make the argmax depend on position and the loss NaN; reject it here.
                if (!double.IsFinite(row[c]) || row[c] < 0)
                    throw new ArgumentException(
                        $"probabilities[{i}][{c}] is {row[c]}; a probability must be finite and not negative.", nameof(probabilities));
            }
        }
    }

    private static double[] CopyFoldAccuracies(IReadOnlyList<double>? foldAccuracies)
    {
        if (foldAccuracies is null) return [];
        var copy = foldAccuracies.ToArray();
        for (int f = 0; f < copy.Length; f++)
        {
            if (!(copy[f] >= 0 && copy[f] <= 1))
                throw new ArgumentException($"foldAccuracies[{f}] is {copy[f]}; an accuracy must lie in [0, 1].", nameof(foldAccuracies));
        }
        return copy;
    }

    /// <summary>First maximum wins, like NumPy's argmax, so ties go to the lowest class id.</summary>
    private static int ArgMax(double[] row)
    {
        int best = 0;
        for (int c = 1; c < row.Length; c++) if (row[c] > row[best]) best = c;
        return best;
    }

    /// <summary>The most frequent id, ties to the lowest (scikit-learn's DummyClassifier does the same).</summary>
    private static int MostFrequent(IReadOnlyList<int> ids, int classCount)
    {
        var counts = new int[classCount];
        foreach (var id in ids) counts[id]++;
        int best = 0;
        for (int c = 1; c < classCount; c++) if (counts[c] > counts[best]) best = c;
        return best;
    }
}
