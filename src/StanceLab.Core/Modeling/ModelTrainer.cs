using System.Security.Cryptography;
using System.Text;
using StanceLab.Data;
using StanceLab.Features;
using StanceLab.Learning;
using StanceLab.Learning.Linear;
using StanceLab.Learning.Trees;

namespace StanceLab.Modeling;

/// <summary>Trains a <see cref="StanceModel"/> from labelled sentences: fit the featurizer, then one head per label column.</summary>
public static class ModelTrainer
{
    public static string ToolVersion { get; } =
        typeof(ModelTrainer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static StanceModel Train(
        IReadOnlyList<LabelledSentence> rows,
        TrainingOptions options,
        IReadOnlyList<string>? trainingFiles = null,
        IProgress<PipelineProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (rows.Count == 0) throw new TrainingException("No training rows.");

        var texts = rows.Select(r => r.Text).ToArray();
        var featurizer = Featurizer.Fit(texts, options.Featurizer, Stage(progress, "Fitting the featurizer", 0.0, 0.3));
        if (featurizer.FeatureCount == 0)
            throw new TrainingException($"No feature occurs in at least {options.Featurizer.MinDocumentFrequency} of the {rows.Count} sentences, so the model would have no features: lower the minimum document frequency.");
        var vectors = Transform(featurizer, texts, Stage(progress, "Featurizing", 0.3, 0.5), cancellation);
        double perHead = 0.5 / options.LabelColumns.Count;
        var sourceIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = rows.Select(r => sourceIds.TryGetValue(r.Source, out var id) ? id : sourceIds[r.Source] = sourceIds.Count).ToArray();

        var heads = new List<ModelHead>();
        (StackingInputs Inputs, SparseVector[] Rows)? stacking = null;
        var labelSets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var classCounts = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        var summaries = new List<HeadTrainingSummary>();
        for (int h = 0; h < options.LabelColumns.Count; h++)
        {
            var column = options.LabelColumns[h];
            var labelSet = LabelSet.FromCorpus(column, rows);
            labelSets[column] = labelSet.Classes;
            var data = new TrainingSet(vectors, rows.Select(r => labelSet.IdOf(r.Label(column))).ToArray(), labelSet.Classes, featurizer.FeatureCount, groups: groups);
            var counts = data.ClassCounts();
            classCounts[column] = labelSet.Classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => counts[p.i], StringComparer.Ordinal);
            var stage = Stage(progress, $"Training head '{column}'", 0.5 + h * perHead, 0.5 + (h + 1) * perHead);
            TrainingProgress last = default;
            var trainerProgress = new SynchronousProgress<TrainingProgress>(p =>
            {
                last = p;
                stage?.Report((double)p.Iteration / p.MaxIterations);
            });
            ModelHead head;
            if (options.TrainerFor(column) == TrainerKind.Stacked)
            {
                stacking ??= StackingData(rows, vectors, featurizer.FeatureCount, groups, options, cancellation);
                var stackedData = new TrainingSet(stacking.Value.Rows, data.Labels, data.Classes, stacking.Value.Inputs.Width, groups: groups);
                var trees = new FastTreeTrainer(TreeOptions(options), options.Linear.ClassWeighting).Fit(stackedData, trainerProgress, cancellation);
                head = new ModelHead(column, trees) { Stacking = stacking.Value.Inputs };
            }
            else
            {
                head = new ModelHead(column, CreateTrainer(options, column).Fit(data, trainerProgress, cancellation));
            }
            summaries.Add(new HeadTrainingSummary(column, last.Iteration, double.IsFinite(last.GradientNorm) ? last.GradientNorm : null, !last.Finished || last.Converged, last.Finished ? last.Stop : "unknown"));
            stage?.Report(1.0);
            heads.Add(head);
        }

        var metadata = new ModelMetadata
        {
            ToolVersion = ToolVersion,
            LabelColumns = options.LabelColumns.ToArray(),
            LabelSets = labelSets,
            ClassCounts = classCounts,
            Featurizer = options.Featurizer,
            Linear = LinearOptions(options),
            NaiveBayesWeighting = options.NaiveBayesWeighting,
            Trainers = options.LabelColumns.Any(c => options.TrainerFor(c) != TrainerKind.Linear)
                ? options.LabelColumns.ToDictionary(c => c, options.TrainerFor, StringComparer.Ordinal)
                : null,
            Trees = options.LabelColumns.Any(c => options.TrainerFor(c) is TrainerKind.Trees or TrainerKind.Stacked) ? TreeOptions(options) : null,
            Seed = options.Seed,
            TrainingRows = rows.Count,
            DataHash = DataHash(rows, options.LabelColumns),
            TrainingFiles = trainingFiles?.Select(Path.GetFileName).OfType<string>().ToArray() ?? [],
            Training = summaries,
            CreatedUtc = options.CreatedUtc,
        };
        return new StanceModel(featurizer, heads, metadata) { TrainingTexts = TrainingTextFingerprints.Of(rows.Select(r => r.Text)) };
    }

    /// <summary>The trainer of <paramref name="column"/>'s head.</summary>
    public static ITrainer CreateTrainer(TrainingOptions options, string column)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.TrainerFor(column) switch
        {
            TrainerKind.Stacked => throw new InvalidOperationException($"Head '{column}' is stacked: ModelTrainer.Train builds its inputs; there is no plain trainer for it."),
            TrainerKind.Trees => new FastTreeTrainer(TreeOptions(options), options.Linear.ClassWeighting),
            _ when options.NaiveBayesWeighting => new NaiveBayesLogisticRegressionTrainer(LinearOptions(options)),
            _ => new LogisticRegressionTrainer(LinearOptions(options)),
        };
    }

    private static FastTreeOptions TreeOptions(TrainingOptions options) => options.Trees with { Seed = options.Seed };

    private static LogisticRegressionOptions LinearOptions(TrainingOptions options) => options.Linear with { Seed = options.Seed };

    /// <summary>How many inner folds give a stacked head its out-of-fold training inputs.</summary>
    public const int StackingFolds = 5;

    /// <summary>
    /// The inputs of stacked heads: base linear models of every label column fitted on all rows
    /// (what the head reads when scoring), and each row's stacked inputs for training, built from
    /// out-of-fold probabilities of an inner grouped cross-validation (whole pipeline refitted in
    /// each fold) so the trees learn how the linear models behave on text they have not seen.
    /// </summary>
    private static (StackingInputs Inputs, SparseVector[] Rows) StackingData(
        IReadOnlyList<LabelledSentence> rows, SparseVector[] vectors, int featureCount, int[] groups, TrainingOptions options, CancellationToken cancellation)
    {
        var linear = LinearOnly(options);
        var labelSets = options.LabelColumns.Select(c => LabelSet.FromCorpus(c, rows)).ToArray();
        var bases = labelSets.Select(set =>
        {
            var data = new TrainingSet(vectors, rows.Select(r => set.IdOf(r.Label(set.Column))).ToArray(), set.Classes, featureCount, groups: groups);
            return new StackingBase(set.Column, set.Classes, CreateTrainer(linear, set.Column).Fit(data, cancellation: cancellation));
        }).ToArray();
        var inputs = new StackingInputs(bases);

        int sources = groups.Distinct().Count();
        if (sources < 2) throw new TrainingException("A stacked head needs sentences from at least 2 sources (articles) for its out-of-fold inputs.");
        int folds = Math.Min(StackingFolds, sources);
        var foldOf = GroupKFold.Assign(rows.Select(r => r.Source).ToArray(), folds, options.Seed + 1);
        var outOfFold = new double[rows.Count][];
        for (int f = 0; f < folds; f++)
        {
            cancellation.ThrowIfCancellationRequested();
            var fit = Enumerable.Range(0, rows.Count).Where(i => foldOf[i] != f).Select(i => rows[i]).ToArray();
            var held = Enumerable.Range(0, rows.Count).Where(i => foldOf[i] == f).ToArray();
            var model = Train(fit, linear, cancellation: cancellation);
            var heldVectors = Transform(model.Featurizer, held.Select(i => rows[i].Text).ToArray(), cancellation: cancellation);
            for (int t = 0; t < held.Length; t++)
                outOfFold[held[t]] = labelSets.SelectMany(set => model.Head(set.Column).Classifier.PredictOver(heldVectors[t], set)).ToArray();
        }
        var contexts = SentenceContext.Of(rows);
        var stacked = new SparseVector[rows.Count];
        for (int i = 0; i < rows.Count; i++)
            stacked[i] = StackingInputs.Build(outOfFold[i], SentenceMetaFeatures.Compute(rows[i].Text, contexts[i].Position, contexts[i].SentenceCount, contexts[i].Previous, contexts[i].Next));
        return (inputs, stacked);
    }

    /// <summary>The options with every head linear: what a stacked head's base models use.</summary>
    public static TrainingOptions LinearOnly(TrainingOptions options) =>
        options with { DefaultTrainer = TrainerKind.Linear, Trainers = new Dictionary<string, TrainerKind>(), CreatedUtc = null };

    /// <summary>Feature vectors of many texts, computed in parallel; the order of the output is the input's.</summary>
    public static SparseVector[] Transform(FittedFeaturizer featurizer, IReadOnlyList<string> texts, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        var vectors = new SparseVector[texts.Count];
        int done = 0, reportEvery = Math.Max(1, texts.Count / 100);
        Parallel.For(0, texts.Count, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            vectors[i] = featurizer.Transform(texts[i]);
            int n = Interlocked.Increment(ref done);
            if (progress is not null && n % reportEvery == 0) progress.Report((double)n / texts.Count);
        });
        progress?.Report(1.0);
        return vectors;
    }

    /// <summary>SHA-256 over id, source, text and the label columns of every row, tab- and newline-separated.</summary>
    public static string DataHash(IReadOnlyList<LabelledSentence> rows, IReadOnlyList<string> labelColumns)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var builder = new StringBuilder();
        foreach (var row in rows)
        {
            builder.Clear().Append(row.Id).Append('\t').Append(row.Source).Append('\t').Append(row.Text);
            foreach (var column in labelColumns) builder.Append('\t').Append(row.Label(column));
            builder.Append('\n');
            sha.AppendData(Encoding.UTF8.GetBytes(builder.ToString()));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>A stage that owns the slice [from, to] of the whole operation's progress.</summary>
    private static IProgress<double>? Stage(IProgress<PipelineProgress>? progress, string stage, double from, double to) =>
        progress is null ? null : new StageProgress(progress, stage, from, to);

    private sealed class StageProgress(IProgress<PipelineProgress> inner, string stage, double from, double to) : IProgress<double>
    {
        public void Report(double value) => inner.Report(new PipelineProgress(stage, from + (to - from) * Math.Clamp(value, 0, 1)));
    }
}
