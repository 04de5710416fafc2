using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using StanceLab.Data;
using StanceLab.Evaluation;
using StanceLab.Features;
using StanceLab.Learning;
using StanceLab.Learning.Trees;
using StanceLab.Modeling;
using StanceLab.Persistence;

namespace StanceLab.Bench;

/// <summary>
/// One split's features for the trees comparison: StanceLab's featurizer fitted on the training
/// rows, the vectors of both parts, and the same vectors written as libsvm for XGBoost.
/// </summary>
public sealed record TreeFeatures(TrainingSet Train, SparseVector[] Test, int[] TestLabels, IReadOnlyList<string> Classes, string TrainLibSvm, string TestLibSvm)
{
    public static TreeFeatures Build(BenchDataset data, BenchSplit split, string workdir)
    {
        var trainTexts = split.Train.Select(i => data.Rows[i].Text).ToArray();
        var featurizer = Featurizer.Fit(trainTexts, TreeSettings.Features);
        var classes = new LabelSet("label", split.Train.Select(i => data.Rows[i].Label));
        var train = new TrainingSet(ModelTrainer.Transform(featurizer, trainTexts), split.Train.Select(i => classes.IdOf(data.Rows[i].Label)).ToArray(), classes.Classes, featurizer.FeatureCount);
        var test = ModelTrainer.Transform(featurizer, split.Test.Select(i => data.Rows[i].Text).ToArray());
        // A test label the training part lacks gets −1, which nothing predicts (it counts as wrong).
        var testLabels = split.Test.Select(i => classes.Classes.ToList().IndexOf(data.Rows[i].Label)).ToArray();
        var trainPath = Path.Combine(workdir, "trees.train.libsvm");
        var testPath = Path.Combine(workdir, "trees.test.libsvm");
        using (var w = new StreamWriter(trainPath)) LibSvmWriter.Write(w, train.Features, train.Labels);
        using (var w = new StreamWriter(testPath)) LibSvmWriter.Write(w, test, testLabels.Select(y => Math.Max(y, 0)).ToArray());
        return new TreeFeatures(train, test, testLabels, classes.Classes, trainPath, testPath);
    }

    public (double Accuracy, double MacroF1) Score(IReadOnlyList<int> predicted)
    {
        var truth = TestLabels;
        // Macro-F1 counts a class unseen in training only when the test part has one.
        var classes = truth.Any(t => t < 0) ? Classes.Append("(unseen)").ToArray() : Classes.ToArray();
        var probabilities = predicted.Select(p => { var v = new double[classes.Length]; v[p] = 1; return v; }).ToArray();
        var report = ClassificationReport.Compute("label", classes, truth.Select(t => t < 0 ? classes.Length - 1 : t).ToArray(), probabilities);
        return (report.Accuracy, report.MacroF1);
    }
}

/// <summary>StanceLab's boosted trees: the fit alone in-process, and the stancelab command as whole processes.</summary>
public sealed class OurTreesRunner(string cliDll, TreeSettings settings)
{
    public const string Name = "StanceLab trees";

    public FoldResult Run(BenchDataset data, BenchSplit split, TreeFeatures features, string trainTsv, string testTsv, string workdir)
    {
        var clock = Stopwatch.StartNew();
        var classifier = new GradientBoostingTrainer(settings.Ours()).Fit(features.Train);
        double fit = clock.Elapsed.TotalSeconds;
        var probabilities = new double[classifier.Classes.Count];
        var predicted = new int[features.Test.Length];
        clock.Restart();
        for (int i = 0; i < features.Test.Length; i++)
        {
            classifier.PredictProbabilities(features.Test[i], probabilities);
            predicted[i] = features.Classes.ToList().IndexOf(classifier.Classes[Array.IndexOf(probabilities, probabilities.Max())]);
        }
        double predictRate = features.Test.Length / clock.Elapsed.TotalSeconds;
        var (accuracy, macroF1) = features.Score(predicted);

        var model = Path.Combine(workdir, "ours-trees.stancelab");
        var train = ProcessTimer.Run("dotnet", [cliDll, "train", "--data", trainTsv, "--labels", "label", "--folds", "0", "--out", model, .. settings.OurCliArguments()], workdir);
        if (train.ExitCode != 0) throw new InvalidOperationException($"stancelab train --trainer trees failed: {train.Error}");
        var evaluate = ProcessTimer.Run("dotnet", [cliDll, "evaluate", "--data", testTsv, "--model", model, "--format", "json"], workdir);
        if (evaluate.ExitCode != 0) throw new InvalidOperationException($"stancelab evaluate failed: {evaluate.Error}");
        using var json = JsonDocument.Parse(evaluate.Output);
        double wholeAccuracy = json.RootElement.GetProperty("heads")[0].GetProperty("accuracy").GetDouble();
        // The command prints 6 decimals.
        if (Math.Abs(wholeAccuracy - accuracy) > 1e-6)
            Console.Error.WriteLine($"warning: in-process tree accuracy {accuracy} differs from the command's {wholeAccuracy}");
        return new FoldResult
        {
            System = Name,
            Accuracy = accuracy,
            MacroF1 = macroF1,
            TrainSeconds = train.WallSeconds,
            TrainSecondsInProcess = fit,
            PredictSeconds = evaluate.WallSeconds,
            PredictRowsPerSecond = split.Test.Count / evaluate.WallSeconds,
            PredictRowsPerSecondInProcess = predictRate,
            TrainPeakRssMiB = train.PeakRssMiB,
            PredictPeakRssMiB = evaluate.PeakRssMiB,
            ModelBytes = new FileInfo(model).Length,
        };
    }
}

/// <summary>XGBoost's command-line tool (Debian package xgboost) on the same libsvm features, train and predict each timed as a whole process.</summary>
public sealed class XgboostRunner(TreeSettings settings)
{
    public const string Name = "XGBoost hist (same features)";

    public static string? Missing() =>
        File.Exists("/usr/bin/xgboost") ? null : "xgboost not found (apt-get install xgboost; bench/install-reference-tools.sh)";

    public FoldResult Run(TreeFeatures features, string workdir)
    {
        if (Missing() is { } reason) return new FoldResult { System = Name, Available = false, Reason = reason };
        var model = Path.Combine(workdir, "xgboost.model");
        var config = Path.Combine(workdir, "xgboost.conf");
        File.WriteAllText(config, settings.XgboostConfig(features.Classes.Count, features.TrainLibSvm, model));
        var train = ProcessTimer.Run("/usr/bin/xgboost", [config], workdir);
        if (train.ExitCode != 0) return new FoldResult { System = Name, Available = false, Reason = $"xgboost failed: {Last(train.Error + train.Output)}" };
        var predictions = Path.Combine(workdir, "xgboost.pred.txt");
        var predict = ProcessTimer.Run("/usr/bin/xgboost",
            [config, "task=pred", $"model_in={model}", $"test:data={features.TestLibSvm}?format=libsvm&indexing_mode=1", $"name_pred={predictions}"], workdir);
        if (predict.ExitCode != 0) return new FoldResult { System = Name, Available = false, Reason = $"xgboost pred failed: {Last(predict.Error + predict.Output)}" };
        var values = File.ReadAllLines(predictions).Where(l => l.Length > 0).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        int k = features.Classes.Count, n = features.Test.Length;
        if (values.Length != n * k) throw new InvalidOperationException($"{predictions}: {values.Length} values for {n} rows × {k} classes");
        var predicted = Enumerable.Range(0, n).Select(i =>
        {
            int best = 0;
            for (int c = 1; c < k; c++) if (values[i * k + c] > values[i * k + best]) best = c;
            return best;
        }).ToArray();
        var (accuracy, macroF1) = features.Score(predicted);
        return new FoldResult
        {
            System = Name,
            Accuracy = accuracy,
            MacroF1 = macroF1,
            TrainSeconds = train.WallSeconds,
            PredictSeconds = predict.WallSeconds,
            PredictRowsPerSecond = n / predict.WallSeconds,
            TrainPeakRssMiB = train.PeakRssMiB,
            PredictPeakRssMiB = predict.PeakRssMiB,
            ModelBytes = new FileInfo(model).Length,
        };
    }

    private static string Last(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "no message";
}
