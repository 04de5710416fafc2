using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;
using StanceLab.Data;
using StanceLab.Evaluation;
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
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(LogisticRegressionTrainer.LbfgsOptions(linear, "Label", "Features", weightColumn: null)))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

        var clock = Stopwatch.StartNew();
        var model = pipeline.Fit(train);
        double trainSeconds = clock.Elapsed.TotalSeconds;

        var test = split.Test.Select(i => data.Rows[i]).ToArray();
        var engine = ml.Model.CreatePredictionEngine<Row, Prediction>(model);
        var predicted = test.Select(r => engine.Predict(new Row { Text = r.Text }).Predicted).ToArray();
        // Scored as StanceLab's own rows are: the predicted label as a one-hot probability row.
        var classes = new LabelSet("label", test.Select(r => r.Label).Concat(predicted));
        var report = ClassificationReport.Compute("label", classes.Classes, test.Select(r => classes.IdOf(r.Label)).ToArray(),
            predicted.Select(p => Enumerable.Range(0, classes.Count).Select(c => c == classes.IdOf(p) ? 1.0 : 0.0).ToArray()).ToArray());

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
            Accuracy = report.Accuracy,
            MacroF1 = report.MacroF1,
            TrainSecondsInProcess = trainSeconds,
            PredictRowsPerSecondInProcess = rows / clock.Elapsed.TotalSeconds,
            ModelBytes = bytes.Length,
        };
    }
}
