using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using StanceLab.Learning.Linear;
using StanceLab.Learning.MlNet;
using MlTree = Microsoft.ML.Trainers.FastTree.RegressionTree;

namespace StanceLab.Learning.Trees;

/// <summary>
/// Boosted trees by ML.NET's FastTree: one binary ensemble per class against the rest (ML.NET 6's
/// own one-versus-all keeps its sub-models internal), each converted to StanceLab's
/// <see cref="RegressionTree"/>s with node covers counted from the training rows, so the
/// <see cref="TreeEnsembleClassifier"/> scores with softmax over the classes' raw scores and
/// explains them by exact TreeSHAP.
/// </summary>
public sealed class FastTreeTrainer(FastTreeOptions options, ClassWeighting classWeighting = ClassWeighting.None) : ITrainer
{
    public FastTreeOptions Options { get; } = (options ?? throw new ArgumentNullException(nameof(options))).Validate();

    public IClassifier Fit(TrainingSet data, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        var classes = ClassCompaction.Of(data, classWeighting);
        int d = data.FeatureCount, k = classes.Count;
        var rows = data.Features.Select(x => MlNetRows.ToVBuffer(x, d)).ToArray();
        var trees = new IReadOnlyList<RegressionTree>[k];
        var bases = new double[k];
        for (int c = 0; c < k; c++)
        {
            cancellation.ThrowIfCancellationRequested();
            progress?.Report(new TrainingProgress(c, k, double.NaN, double.NaN));
            var ml = new MLContext(Options.Seed);
            var view = MlNetRows.LoadOneVersusRest(ml, rows, classes.Labels, c, classes.Weights, d);
            var model = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                LabelColumnName = MlNetRows.Label,
                FeatureColumnName = MlNetRows.Features,
                ExampleWeightColumnName = MlNetRows.Weight,
                NumberOfTrees = Options.Trees,
                NumberOfLeaves = Options.Leaves,
                MinimumExampleCountPerLeaf = Options.MinExamplesPerLeaf,
                LearningRate = Options.LearningRate,
                FeatureFraction = Options.FeatureFraction,
                MaximumBinCountPerFeature = Options.MaxBins,
                Seed = Options.Seed,
                // FastTree's parallel histogram sums are ordered by thread; one thread repeats exactly.
                NumberOfThreads = 1,
                DiskTranspose = false,
            }).Fit(view).Model.SubModel;
            var ensemble = model.TrainedTreeEnsemble;
            bases[c] = ensemble.Bias;
            trees[c] = ensemble.Trees.Select((t, i) => Convert(t, ensemble.TreeWeights[i], data.Features, classes.Weights)).ToArray();
        }
        progress?.Report(new TrainingProgress(k, k, double.NaN, double.NaN, Finished: true, Converged: true, Stop: "Trees"));
        return new TreeEnsembleClassifier(classes.ClassNames(data), d, bases, trees);
    }

    /// <summary>
    /// ML.NET numbers internal nodes and leaves apart (a child index ~i is leaf i); StanceLab's tree
    /// numbers every node with children after parents, so nodes are renumbered breadth first. A row
    /// goes left when its value is at most the threshold, as in FastTree.
    /// </summary>
    internal static RegressionTree Convert(MlTree tree, double weight, IReadOnlyList<Features.SparseVector> rows, double[] rowWeights)
    {
        if (tree.CategoricalSplitFlags.Any(f => f)) throw new TrainingException("FastTree returned a categorical split, which StanceLab's trees cannot hold.");
        int internalCount = tree.NumberOfNodes, leafCount = tree.NumberOfLeaves;
        int n = internalCount + leafCount;
        var feature = new int[n];
        var threshold = new float[n];
        var left = new int[n];
        var right = new int[n];
        var value = new double[n];
        // Breadth-first over ML.NET's nodes (internal i >= 0, leaf as ~j), assigning new ids in order.
        var queue = new List<int> { internalCount > 0 ? 0 : ~0 };
        for (int at = 0; at < queue.Count; at++)
        {
            int node = queue[at];
            if (node < 0)
            {
                feature[at] = -1;
                value[at] = weight * tree.LeafValues[~node];
                continue;
            }
            feature[at] = tree.NumericalSplitFeatureIndexes[node];
            threshold[at] = tree.NumericalSplitThresholds[node];
            left[at] = queue.Count;
            queue.Add(tree.LeftChild[node]);
            right[at] = queue.Count;
            queue.Add(tree.RightChild[node]);
        }
        var cover = new double[n];
        var dense = new Dictionary<int, float>();
        for (int i = 0; i < rows.Count; i++)
        {
            double w = rowWeights[i];
            if (w == 0) continue;
            int node = 0;
            var indices = rows[i].Indices;
            var values = rows[i].Values;
            while (true)
            {
                cover[node] += w;
                if (feature[node] < 0) break;
                int at = indices.BinarySearch(feature[node]);
                float x = at >= 0 ? values[at] : 0f;
                node = x <= threshold[node] ? left[node] : right[node];
            }
        }
        return new RegressionTree(feature, threshold, left, right, value, cover);
    }
}
