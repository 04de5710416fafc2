using StanceLab.Data;
using StanceLab.Features;
using StanceLab.Learning;
using StanceLab.Learning.Trees;
using StanceLab.Modeling;

namespace StanceLab.Evaluation;

/// <summary>
/// Does a stacked head beat the linear one? A tree head reads every linear head's probabilities
/// plus <see cref="SentenceMetaFeatures"/>. Measured by grouped cross-validation with no leak: in
/// each outer fold the probabilities the trees learn from are out-of-fold predictions of an inner
/// grouped cross-validation on the training part only, and the test part gets the probabilities of
/// linear heads trained on the whole training part, exactly as a shipped stacked model would.
/// </summary>
public static class StackingEvaluation
{
    public static StackingResult Run(
        IReadOnlyList<LabelledSentence> rows,
        TrainingOptions options,
        int folds,
        int innerFolds = 5,
        IProgress<PipelineProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        var linear = options with { DefaultTrainer = TrainerKind.Linear, Trainers = new Dictionary<string, TrainerKind>(), CreatedUtc = null };
        linear.Validate();
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), folds, "Stacking needs at least 2 outer folds.");
        if (innerFolds < 2) throw new ArgumentOutOfRangeException(nameof(innerFolds), innerFolds, "Stacking needs at least 2 inner folds.");

        var sources = rows.Select(r => r.Source).ToArray();
        var foldOf = GroupKFold.Assign(sources, folds, options.Seed);
        var columns = linear.LabelColumns;
        var labelSets = columns.Select(c => LabelSet.FromCorpus(c, rows)).ToArray();
        var truth = labelSets.Select(set => rows.Select(r => set.IdOf(r.Label(set.Column))).ToArray()).ToArray();
        var meta = MetaFeatures(rows);
        int stackedWidth = labelSets.Sum(s => s.Count) + SentenceMetaFeatures.Names.Count;
        var linearProbabilities = labelSets.Select(_ => new double[rows.Count][]).ToArray();
        var stackedProbabilities = labelSets.Select(_ => new double[rows.Count][]).ToArray();
        var groupIds = sources.Distinct(StringComparer.Ordinal).Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i, StringComparer.Ordinal);
        var trees = options.Trees with { Seed = options.Seed };

        for (int f = 0; f < folds; f++)
        {
            cancellation.ThrowIfCancellationRequested();
            var train = Enumerable.Range(0, rows.Count).Where(i => foldOf[i] != f).ToArray();
            var test = Enumerable.Range(0, rows.Count).Where(i => foldOf[i] == f).ToArray();
            var trainSources = train.Select(i => sources[i]).Distinct(StringComparer.Ordinal).Count();
            int inner = Math.Min(innerFolds, trainSources);
            if (inner < 2) throw new TrainingException($"Outer fold {f + 1} trains on only {trainSources} source(s); stacking needs at least 2.");

            // Out-of-fold probabilities for the training part, from an inner grouped cross-validation.
            var outOfFold = new double[train.Length][];
            var innerFoldOf = GroupKFold.Assign(train.Select(i => sources[i]).ToArray(), inner, options.Seed + 1);
            for (int g = 0; g < inner; g++)
            {
                Report(progress, f, folds, g, inner + 1, "inner linear heads");
                var fit = Enumerable.Range(0, train.Length).Where(j => innerFoldOf[j] != g).Select(j => rows[train[j]]).ToArray();
                var model = ModelTrainer.Train(fit, linear, cancellation: cancellation);
                var held = Enumerable.Range(0, train.Length).Where(j => innerFoldOf[j] == g).ToArray();
                var vectors = ModelTrainer.Transform(model.Featurizer, held.Select(j => rows[train[j]].Text).ToArray(), cancellation: cancellation);
                for (int t = 0; t < held.Length; t++) outOfFold[held[t]] = HeadProbabilities(model, labelSets, vectors[t]);
            }

            Report(progress, f, folds, inner, inner + 1, "linear heads and stacked trees");
            var full = ModelTrainer.Train(train.Select(i => rows[i]).ToArray(), linear, cancellation: cancellation);
            var testVectors = ModelTrainer.Transform(full.Featurizer, test.Select(i => rows[i].Text).ToArray(), cancellation: cancellation);
            var testStacked = new SparseVector[test.Length];
            for (int t = 0; t < test.Length; t++)
            {
                var probabilities = HeadProbabilities(full, labelSets, testVectors[t]);
                int offset = 0;
                for (int h = 0; h < labelSets.Length; h++)
                {
                    linearProbabilities[h][test[t]] = probabilities.AsSpan(offset, labelSets[h].Count).ToArray();
                    offset += labelSets[h].Count;
                }
                testStacked[t] = Stacked(probabilities, meta[test[t]]);
            }

            var trainStacked = train.Select((i, j) => Stacked(outOfFold[j], meta[i])).ToArray();
            var groups = train.Select(i => groupIds[sources[i]]).ToArray();
            for (int h = 0; h < labelSets.Length; h++)
            {
                var data = new TrainingSet(trainStacked, train.Select(i => truth[h][i]).ToArray(), labelSets[h].Classes, stackedWidth, groups: groups);
                var head = new GradientBoostingTrainer(trees, linear.Linear.ClassWeighting).Fit(data, cancellation: cancellation);
                for (int t = 0; t < test.Length; t++) stackedProbabilities[h][test[t]] = head.PredictOver(testStacked[t], labelSets[h]);
            }
        }
        progress?.Report(new PipelineProgress("all folds done", 1.0));

        var heads = labelSets.Select((set, h) => new StackingHeadResult(
            set.Column,
            ClassificationReport.Compute(set.Column, set.Classes, truth[h], linearProbabilities[h]),
            ClassificationReport.Compute(set.Column, set.Classes, truth[h], stackedProbabilities[h]))).ToArray();
        return new StackingResult(folds, innerFolds, options.Seed, heads);
    }

    /// <summary>Names of the stacked model's inputs: each head's class probabilities, then the meta-features.</summary>
    public static IReadOnlyList<string> StackedFeatureNames(IReadOnlyList<LabelSet> labelSets) =>
        [.. labelSets.SelectMany(s => s.Classes.Select(c => $"p({s.Column}={c})")), .. SentenceMetaFeatures.Names];

    /// <summary>Every row's meta-features; a row's position counts the rows of its source before it, in input order.</summary>
    public static float[][] MetaFeatures(IReadOnlyList<LabelledSentence> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var counts = rows.GroupBy(r => r.Source, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new float[rows.Count][];
        for (int i = 0; i < rows.Count; i++)
        {
            int position = seen.GetValueOrDefault(rows[i].Source);
            seen[rows[i].Source] = position + 1;
            result[i] = SentenceMetaFeatures.Compute(rows[i].Text, position, counts[rows[i].Source]);
        }
        return result;
    }

    private static double[] HeadProbabilities(StanceModel model, LabelSet[] labelSets, SparseVector vector) =>
        labelSets.SelectMany(set => model.Head(set.Column).Classifier.PredictOver(vector, set)).ToArray();

    /// <summary>A dense row as a sparse vector: probabilities, then meta-features (zeros stay implicit).</summary>
    private static SparseVector Stacked(double[] probabilities, float[] meta)
    {
        var indices = new List<int>();
        var values = new List<float>();
        for (int j = 0; j < probabilities.Length; j++)
            if (probabilities[j] != 0) { indices.Add(j); values.Add((float)probabilities[j]); }
        for (int j = 0; j < meta.Length; j++)
            if (meta[j] != 0) { indices.Add(probabilities.Length + j); values.Add(meta[j]); }
        return new SparseVector(indices.ToArray(), values.ToArray());
    }

    private static void Report(IProgress<PipelineProgress>? progress, int fold, int folds, int step, int steps, string what) =>
        progress?.Report(new PipelineProgress($"fold {fold + 1} of {folds}: {what}", (fold + (double)step / steps) / folds));
}
