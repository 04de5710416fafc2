using System.Diagnostics;
using System.Text.Json;
using StanceLab.Data;
using StanceLab.Evaluation;
using StanceLab.Features;
using StanceLab.Learning;
using StanceLab.Learning.Linear;
using StanceLab.Modeling;
using StanceLab.Persistence;

namespace StanceLab.Bench;

/// <summary>
/// StanceLab's default linear pipeline on one split: in-process (training time, one-core prediction
/// speed, accuracy, model size) and as whole processes of the stancelab command (train, evaluate).
/// </summary>
public sealed class OursRunner(string cliDll, bool naiveBayes = false)
{
    /// <summary>
    /// The command-line options that make stancelab train the same n-gram pipeline as the
    /// in-process runs (the library's TrainingOptions defaults): the CLI's own defaults add the
    /// sentence encoder and balanced class weights, chosen for news, not for these benchmarks.
    /// </summary>
    public static readonly string[] LeanPipeline = ["--encoder", "none", "--class-weight", "none"];

    public const string LinearName = "StanceLab linear";
    public const string NaiveBayesName = "StanceLab linear + NB weighting";

    public string Name => naiveBayes ? NaiveBayesName : LinearName;

    /// <summary>One run on a split: the whole-process figures, with the in-process times and speeds merged in.</summary>
    public FoldResult Run(BenchDataset data, BenchSplit split, string trainTsv, string testTsv, string workdir)
    {
        var inProcess = InProcess(data, split);
        var whole = WholeProcess(trainTsv, testTsv, workdir, split.Test.Count);
        if (Math.Abs(inProcess.Accuracy - whole.Accuracy) > 1e-6)
            Console.Error.WriteLine($"warning: in-process accuracy {inProcess.Accuracy} differs from the command's {whole.Accuracy}");
        return whole with
        {
            TrainSecondsInProcess = inProcess.TrainSecondsInProcess,
            PredictRowsPerSecondInProcess = inProcess.PredictRowsPerSecondInProcess,
        };
    }

    public FoldResult InProcess(BenchDataset data, BenchSplit split)
    {
        var train = split.Train.Select(i => ToSentence(data.Rows[i])).ToArray();
        var test = split.Test.Select(i => data.Rows[i]).ToArray();
        var options = new TrainingOptions { LabelColumns = ["label"], NaiveBayesWeighting = naiveBayes };
        var clock = Stopwatch.StartNew();
        var model = ModelTrainer.Train(train, options);
        return Scored(Name, model, clock.Elapsed.TotalSeconds, test);
    }

    /// <summary>A trained model's in-process result on a test part: accuracy, macro-F1, one-core speed, size.</summary>
    public static FoldResult Scored(string system, StanceModel model, double trainSeconds, IReadOnlyList<BenchRow> test)
    {
        var head = model.Head("label").Classifier;
        var classes = new LabelSet("label", model.Metadata.LabelSets["label"].Concat(test.Select(r => r.Label)));
        var probabilities = test.Select(r => head.PredictOver(model.Featurizer.Transform(r.Text), classes)).ToArray();
        var report = ClassificationReport.Compute("label", classes.Classes, test.Select(r => classes.IdOf(r.Label)).ToArray(), probabilities);

        return new FoldResult
        {
            System = system,
            Accuracy = report.Accuracy,
            MacroF1 = report.MacroF1,
            TrainSecondsInProcess = trainSeconds,
            PredictRowsPerSecondInProcess = OneCoreThroughput(model, test.Select(r => r.Text).ToArray()),
            ModelBytes = ModelFile.ToBytes(model).Length,
        };
    }

    /// <summary>
    /// The optimizer alone, on the split's training features: the fit time (median of 3) of the
    /// default solver (SDCA) and of L-BFGS, and the features written as libsvm so scikit-learn can
    /// fit the same problem.
    /// </summary>
    public (double SdcaSeconds, double LbfgsSeconds, string LibSvm) OptimizerOnly(BenchDataset data, BenchSplit split, string workdir)
    {
        var texts = split.Train.Select(i => data.Rows[i].Text).ToArray();
        var featurizer = Featurizer.Fit(texts, new FeaturizerOptions());
        var vectors = ModelTrainer.Transform(featurizer, texts);
        var labels = new LabelSet("label", split.Train.Select(i => data.Rows[i].Label));
        var ids = split.Train.Select(i => labels.IdOf(data.Rows[i].Label)).ToArray();
        var set = new TrainingSet(vectors, ids, labels.Classes, featurizer.FeatureCount);
        double MedianFit(LinearSolver solver)
        {
            var times = new List<double>();
            for (int run = 0; run < 3; run++)
            {
                var clock = Stopwatch.StartNew();
                new LogisticRegressionTrainer(new LogisticRegressionOptions { Solver = solver }).Fit(set);
                times.Add(clock.Elapsed.TotalSeconds);
            }
            return SystemSummary.Median(times);
        }
        double sdca = MedianFit(LinearSolver.Sdca), lbfgs = MedianFit(LinearSolver.Lbfgs);
        var path = Path.Combine(workdir, "ours-features.libsvm");
        using (var writer = new StreamWriter(path)) LibSvmWriter.Write(writer, vectors, ids);
        return (sdca, lbfgs, path);
    }

    /// <summary>Featurize and predict on one thread, repeated for at least half a second.</summary>
    private static double OneCoreThroughput(StanceModel model, string[] texts)
    {
        var head = model.Head("label").Classifier;
        var probabilities = new double[head.Classes.Count];
        long rows = 0;
        var clock = Stopwatch.StartNew();
        do
        {
            foreach (var text in texts) head.PredictProbabilities(model.Featurizer.Transform(text), probabilities);
            rows += texts.Length;
        }
        while (clock.Elapsed.TotalSeconds < 0.5);
        return rows / clock.Elapsed.TotalSeconds;
    }

    public FoldResult WholeProcess(string trainTsv, string testTsv, string workdir, int testRows)
    {
        var model = Path.Combine(workdir, "ours.stancelab");
        string[] nb = naiveBayes ? ["--nb-weighting"] : [];
        var train = ProcessTimer.Run("dotnet", [cliDll, "train", "--data", trainTsv, "--labels", "label", "--folds", "0", "--out", model, .. LeanPipeline, .. nb], workdir);
        if (train.ExitCode != 0) throw new InvalidOperationException($"stancelab train failed: {train.Error}");
        var predict = ProcessTimer.Run("dotnet", [cliDll, "evaluate", "--data", testTsv, "--model", model, "--format", "json"], workdir);
        if (predict.ExitCode != 0) throw new InvalidOperationException($"stancelab evaluate failed: {predict.Error}");
        using var json = JsonDocument.Parse(predict.Output);
        var head = json.RootElement.GetProperty("heads")[0];
        return new FoldResult
        {
            System = Name,
            Accuracy = head.GetProperty("accuracy").GetDouble(),
            MacroF1 = head.GetProperty("macroF1").GetDouble(),
            TrainSeconds = train.WallSeconds,
            PredictSeconds = predict.WallSeconds,
            PredictRowsPerSecond = testRows / predict.WallSeconds,
            TrainPeakRssMiB = train.PeakRssMiB,
            PredictPeakRssMiB = predict.PeakRssMiB,
            ModelBytes = new FileInfo(model).Length,
        };
    }

    public static LabelledSentence ToSentence(BenchRow row) =>
        new(row.Id, row.Id, row.Text, new Dictionary<string, string> { ["label"] = row.Label });
}
