using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using StanceLab.Learning.MlNet;

namespace StanceLab.Learning.Linear;

/// <summary>
/// Fits <see cref="LinearClassifier"/> with ML.NET's maximum-entropy trainers (see
/// <see cref="LinearSolver"/>), then reads the weights and biases out of ML.NET's model so that
/// scoring and exact explanations stay StanceLab's own: softmax(Wx + b) is exactly ML.NET's score.
/// </summary>
public sealed class LogisticRegressionTrainer(LogisticRegressionOptions options) : ITrainer
{
    public LogisticRegressionOptions Options { get; } = (options ?? throw new ArgumentNullException(nameof(options))).Validate();

    /// <summary>
    /// ML.NET's L-BFGS settings for StanceLab's objective (L1 0, L2 = 1/C, our tolerance, history,
    /// iterations and threads), over the given columns: the linear heads use them, and the bench
    /// puts the same trainer behind ML.NET's own featurizer.
    /// </summary>
    public static LbfgsMaximumEntropyMulticlassTrainer.Options LbfgsOptions(LogisticRegressionOptions options, string labelColumn, string featureColumn, string? weightColumn)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = labelColumn,
            FeatureColumnName = featureColumn,
            ExampleWeightColumnName = weightColumn,
            L1Regularization = 0,
            L2Regularization = (float)(1.0 / options.C),
            OptimizationTolerance = (float)options.Tolerance,
            HistorySize = options.History,
            MaximumNumberOfIterations = options.MaxIterations,
            NumberOfThreads = options.Threads,
            EnforceNonNegativity = false,
            ShowTrainingStatistics = false,
        };
    }

    public IClassifier Fit(TrainingSet data, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        var classes = ClassCompaction.Of(data, Options.ClassWeighting);
        int d = data.FeatureCount, k = classes.Count;
        var ml = new MLContext(Options.Seed);
        cancellation.ThrowIfCancellationRequested();
        var view = MlNetRows.Load(ml, data.Features, classes.Labels, classes.Weights, d, k);
        progress?.Report(new TrainingProgress(0, 1, double.NaN, double.NaN));
        // ML.NET's fit cannot be interrupted from outside; cancellation is honoured between heads and folds.
        var model = Options.Solver switch
        {
            LinearSolver.Sdca => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = MlNetRows.Label,
                FeatureColumnName = MlNetRows.Features,
                ExampleWeightColumnName = MlNetRows.Weight,
                L1Regularization = 0,
                L2Regularization = (float)(1.0 / (Options.C * classes.WeightSum)),
                ConvergenceTolerance = (float)Options.Tolerance,
                MaximumNumberOfIterations = Options.MaxIterations,
                NumberOfThreads = 1,
                Shuffle = true,
            }).Fit(view).Model,
            _ => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(LbfgsOptions(Options, MlNetRows.Label, MlNetRows.Features, MlNetRows.Weight)).Fit(view).Model,
        };
        cancellation.ThrowIfCancellationRequested();
        var classifier = ToClassifier(model, classes.ClassNames(data), d);
        double gradient = OptimalityGap.MaxGradient(classifier, data.Features, classes.Labels, classes.Weights, classes.WeightSum, Options.C);
        bool converged = gradient <= Options.GradientTolerance;
        progress?.Report(new TrainingProgress(1, Options.MaxIterations, double.NaN, gradient, Finished: true, Converged: converged,
            Stop: converged ? "GradientTolerance" : "StoppedEarly"));
        return classifier;
    }

    /// <summary>ML.NET's per-class weight vectors, laid out feature-major for StanceLab's classifier.</summary>
    internal static LinearClassifier ToClassifier(LinearMulticlassModelParametersBase model, string[] classNames, int featureCount)
    {
        VBuffer<float>[] perClass = [];
        model.GetWeights(ref perClass, out int k);
        if (k != classNames.Length) throw new TrainingException($"ML.NET returned {k} classes, expected {classNames.Length}.");
        var weights = new float[featureCount * k];
        for (int c = 0; c < k; c++)
        {
            var w = perClass[c];
            if (w.Length != featureCount) throw new TrainingException($"ML.NET returned {w.Length} weights for class {c}, expected {featureCount}.");
            var values = w.GetValues();
            if (w.IsDense)
                for (int j = 0; j < values.Length; j++) weights[j * k + c] = values[j];
            else
            {
                var indices = w.GetIndices();
                for (int t = 0; t < indices.Length; t++) weights[indices[t] * k + c] = values[t];
            }
        }
        var biases = model.GetBiases().Select(b => (double)b).ToArray();
        foreach (var w in weights)
            if (!float.IsFinite(w)) throw new TrainingException("ML.NET returned a non-finite weight: the data or options make the fit diverge.");
        return new LinearClassifier(classNames, featureCount, weights, biases);
    }
}
