using System.Diagnostics;
using System.Text.Json;
using StanceLab.Learning.Trees;

namespace StanceLab.Bench;

/// <summary>StanceLab's boosted trees: the fit alone in-process, and the stancelab command as whole processes.</summary>
public sealed class OurTreesRunner(string cliDll, TreeSettings settings)
{
    public const string Name = "StanceLab trees";

    public FoldResult Run(BenchDataset data, BenchSplit split, TreeFeatures features, string trainTsv, string testTsv, string workdir)
    {
        var clock = Stopwatch.StartNew();
        var classifier = new FastTreeTrainer(settings.Ours()).Fit(features.Train);
        double fit = clock.Elapsed.TotalSeconds;
        var probabilities = new double[classifier.Classes.Count];
        var predicted = new int[features.Test.Length];
        for (int i = 0; i < features.Test.Length; i++)
        {
            classifier.PredictProbabilities(features.Test[i], probabilities);
            predicted[i] = features.Classes.ToList().IndexOf(classifier.Classes[Array.IndexOf(probabilities, probabilities.Max())]);
        }
        // Predictions on one thread over the featurized test rows, repeated for at least half a second (past the JIT's warm-up).
        long rows = 0;
        clock.Restart();
        do
        {
            foreach (var row in features.Test) classifier.PredictProbabilities(row, probabilities);
            rows += features.Test.Length;
        }
        while (clock.Elapsed.TotalSeconds < 0.5);
        double predictRate = rows / clock.Elapsed.TotalSeconds;
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
