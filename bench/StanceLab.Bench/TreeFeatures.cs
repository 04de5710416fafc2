using StanceLab.Data;
using StanceLab.Evaluation;
using StanceLab.Features;
using StanceLab.Learning;
using StanceLab.Modeling;

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
