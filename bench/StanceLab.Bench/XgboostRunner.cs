using System.Globalization;

namespace StanceLab.Bench;

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
