using StanceLab.Data;
using StanceLab.Learning;
using StanceLab.Modeling;

namespace StanceLab.Evaluation;

/// <summary>
/// Grouped k-fold cross-validation: every source (article) stays inside one fold, and the whole
/// pipeline, featurizer included, is refitted on each training part, so no vocabulary or idf
/// leaks from the sentences being tested. Reports pool the out-of-fold predictions of all folds;
/// the majority baseline is the majority class of each training part, tested like the model.
/// </summary>
public static class CrossValidator
{
    public static CrossValidationResult Run(
        IReadOnlyList<LabelledSentence> rows,
        TrainingOptions options,
        int folds,
        IProgress<PipelineProgress>? progress = null,
        CancellationToken cancellation = default,
        double trainingFraction = 1.0)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!(trainingFraction > 0 && trainingFraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(trainingFraction), trainingFraction, "The training fraction must be in (0, 1].");
        var foldOf = GroupKFold.Assign(rows.Select(r => r.Source).ToArray(), folds, options.Seed);
        var contexts = SentenceContext.Of(rows);

        var columns = options.LabelColumns;
        var labelSets = columns.Select(c => LabelSet.FromCorpus(c, rows)).ToArray();
        var truth = labelSets.Select(set => rows.Select(r => set.IdOf(r.Label(set.Column))).ToArray()).ToArray();
        var probabilities = labelSets.Select(_ => new double[rows.Count][]).ToArray();
        var majority = labelSets.Select(_ => new int[rows.Count]).ToArray();
        var foldAccuracies = labelSets.Select(_ => new double[folds]).ToArray();
        var trainRowCounts = new int[folds];
        var trainSourceCounts = new int[folds];

        for (int f = 0; f < folds; f++)
        {
            cancellation.ThrowIfCancellationRequested();
            var trainIndex = TrainingRows(rows, foldOf, f, trainingFraction, options.Seed);
            var testIndex = Enumerable.Range(0, rows.Count).Where(i => foldOf[i] == f).ToArray();
            var stage = new FoldProgress(progress, f, folds);
            var trainRows = trainIndex.Select(i => rows[i]).ToArray();
            trainRowCounts[f] = trainRows.Length;
            trainSourceCounts[f] = trainRows.Select(r => r.Source).Distinct(StringComparer.Ordinal).Count();
            var model = ModelTrainer.Train(trainRows, options with { CreatedUtc = null }, progress: stage, cancellation: cancellation);
            var testVectors = ModelTrainer.Transform(model.Featurizer, testIndex.Select(i => rows[i].Text).ToArray(), cancellation: cancellation);

            for (int h = 0; h < columns.Count; h++)
            {
                var set = labelSets[h];
                var head = model.Head(set.Column);
                int majorityClass = MajorityClass(trainIndex.Select(i => truth[h][i]), set.Count);
                int correct = 0;
                for (int t = 0; t < testIndex.Length; t++)
                {
                    int row = testIndex[t];
                    var full = head.PredictOver(testVectors[t], rows[row].Text, contexts[row], set);
                    probabilities[h][row] = full;
                    majority[h][row] = majorityClass;
                    if (ArgMax(full) == truth[h][row]) correct++;
                }
                foldAccuracies[h][f] = testIndex.Length == 0 ? double.NaN : (double)correct / testIndex.Length;
            }
        }
        progress?.Report(new PipelineProgress("all folds done", 1.0));

        var reports = labelSets.Select((set, h) => ClassificationReport.Compute(
            set.Column, set.Classes, truth[h], probabilities[h], majority[h], foldAccuracies[h])).ToArray();
        return new CrossValidationResult(folds, options.Seed, foldOf, reports)
        {
            TrainingFraction = trainingFraction,
            TrainingRowsPerFold = trainRowCounts,
            TrainingSourcesPerFold = trainSourceCounts,
            Truth = truth,
            OutOfFold = probabilities,
        };
    }

    /// <summary>
    /// The rows fold <paramref name="fold"/> trains on: every other fold's rows, or, for a fraction
    /// below 1, the rows of a seeded random subset of their sources (at least one), so a learning
    /// curve grows by whole articles as the data would.
    /// </summary>
    private static int[] TrainingRows(IReadOnlyList<LabelledSentence> rows, int[] foldOf, int fold, double fraction, int seed)
    {
        var all = Enumerable.Range(0, rows.Count).Where(i => foldOf[i] != fold).ToArray();
        if (fraction >= 1) return all;
        var sources = all.Select(i => rows[i].Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        // Not HashCode.Combine: it is randomized per process, and the subset must repeat run to run.
        new Random(unchecked(seed * 1_000_003 + fold)).Shuffle(sources);
        var kept = sources.Take(Math.Max(1, (int)Math.Ceiling(fraction * sources.Length))).ToHashSet(StringComparer.Ordinal);
        return all.Where(i => kept.Contains(rows[i].Source)).ToArray();
    }

    private static int MajorityClass(IEnumerable<int> labels, int classCount)
    {
        var counts = new int[classCount];
        foreach (var y in labels) counts[y]++;
        return ArgMax(counts.Select(c => (double)c).ToArray());
    }

    private static int ArgMax(double[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }

    /// <summary>Maps a fold's training stages onto the whole run: fold f covers [f/k, (f+1)/k).</summary>
    private sealed class FoldProgress(IProgress<PipelineProgress>? inner, int fold, int folds) : IProgress<PipelineProgress>
    {
        public void Report(PipelineProgress value) =>
            inner?.Report(new PipelineProgress($"fold {fold + 1} of {folds}: {value.Stage}", (fold + value.Fraction) / folds));
    }
}
