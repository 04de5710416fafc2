using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;
using StanceLab.Learning.Linear;

namespace StanceLab.Bench;

/// <summary>
/// ML.NET's own text featurizer, FeaturizeText, in front of the very trainer StanceLab's linear
/// heads use (LbfgsMaximumEntropy with StanceLab's defaults: L1 0, L2 1/C, the same tolerance,
/// history and threads): the accuracy difference is the featurizer's alone. In-process; the fit
/// time includes featurizing, as StanceLab's in-process time does.
/// </summary>
public sealed class MlNetFeaturizeTextRunner(bool configured)
{
    public const string DefaultsName = "ML.NET FeaturizeText (defaults) + same L-BFGS";
    public const string ConfiguredName = "ML.NET FeaturizeText (words 1–2, chars 1–5) + same L-BFGS";

    public string Name => configured ? ConfiguredName : DefaultsName;

    private sealed class Row
    {
        public string Text { get; set; } = "";
        public string Label { get; set; } = "";
    }

    private sealed class Prediction
    {
        [ColumnName("PredictedLabel")] public string Predicted { get; set; } = "";
    }

    public FoldResult Run(BenchDataset data, BenchSplit split)
    {
        var linear = new LogisticRegressionOptions();
        var ml = new MLContext(seed: linear.Seed);
        var train = ml.Data.LoadFromEnumerable(split.Train.Select(i => new Row { Text = data.Rows[i].Text, Label = data.Rows[i].Label }));
        var featurizer = configured
            ? ml.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options
            {
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 5, UseAllLengths = true },
            }, "Text")
            : ml.Transforms.Text.FeaturizeText("Features", "Text");
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(featurizer)
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L1Regularization = 0,
                L2Regularization = (float)(1.0 / linear.C),
                OptimizationTolerance = (float)linear.Tolerance,
                HistorySize = linear.History,
                MaximumNumberOfIterations = linear.MaxIterations,
                NumberOfThreads = linear.Threads,
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

        var clock = Stopwatch.StartNew();
        var model = pipeline.Fit(train);
        double trainSeconds = clock.Elapsed.TotalSeconds;

        var test = split.Test.Select(i => data.Rows[i]).ToArray();
        var engine = ml.Model.CreatePredictionEngine<Row, Prediction>(model);
        var predicted = test.Select(r => engine.Predict(new Row { Text = r.Text }).Predicted).ToArray();
        var (accuracy, macroF1) = Scores(test.Select(r => r.Label).ToArray(), predicted);

        long rows = 0;
        clock.Restart();
        do
        {
            foreach (var r in test) engine.Predict(new Row { Text = r.Text });
            rows += test.Length;
        }
        while (clock.Elapsed.TotalSeconds < 0.5);

        using var bytes = new MemoryStream();
        ml.Model.Save(model, train.Schema, bytes);
        return new FoldResult
        {
            System = Name,
            Accuracy = accuracy,
            MacroF1 = macroF1,
            TrainSecondsInProcess = trainSeconds,
            PredictRowsPerSecondInProcess = rows / clock.Elapsed.TotalSeconds,
            ModelBytes = bytes.Length,
        };
    }

    /// <summary>Accuracy and macro-F1 over the labels present in the truth or the predictions (scikit-learn's convention).</summary>
    private static (double Accuracy, double MacroF1) Scores(string[] truth, string[] predicted)
    {
        var labels = truth.Concat(predicted).Distinct(StringComparer.Ordinal).ToArray();
        double f1Sum = 0;
        foreach (var label in labels)
        {
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < truth.Length; i++)
            {
                bool t = truth[i] == label, p = predicted[i] == label;
                if (t && p) tp++;
                else if (p) fp++;
                else if (t) fn++;
            }
            f1Sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
        int correct = truth.Where((t, i) => t == predicted[i]).Count();
        return ((double)correct / truth.Length, f1Sum / labels.Length);
    }
}
