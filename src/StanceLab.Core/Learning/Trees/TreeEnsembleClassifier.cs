using StanceLab.Features;
using StanceLab.Numerics;

namespace StanceLab.Learning.Trees;

/// <summary>
/// A multiclass boosted-tree model: logit_k = base_k + Σ over class k's trees of the tree's leaf
/// value. Explanations are exact TreeSHAP attributions (<see cref="TreeShap"/>); their base value
/// is base_k plus every tree's expected value, so base + attributions = logit for every class.
/// </summary>
public sealed class TreeEnsembleClassifier : IClassifier
{
    public const string KindName = "trees";

    private readonly string[] _classes;
    private readonly double[] _baseScores;
    private readonly RegressionTree[][] _trees;
    private readonly int _denseLength;

    public TreeEnsembleClassifier(IReadOnlyList<string> classes, int featureCount, double[] baseScores, IReadOnlyList<IReadOnlyList<RegressionTree>> treesPerClass)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(baseScores);
        ArgumentNullException.ThrowIfNull(treesPerClass);
        if (classes.Count < 2) throw new ArgumentException("A classifier needs at least two classes.", nameof(classes));
        if (featureCount < 0) throw new ArgumentOutOfRangeException(nameof(featureCount));
        if (baseScores.Length != classes.Count) throw new ArgumentException($"Expected {classes.Count} base scores, got {baseScores.Length}.", nameof(baseScores));
        if (treesPerClass.Count != classes.Count) throw new ArgumentException($"Expected trees for {classes.Count} classes, got {treesPerClass.Count}.", nameof(treesPerClass));
        if (baseScores.Any(b => !double.IsFinite(b))) throw new ArgumentException("Base scores must be finite.", nameof(baseScores));
        _classes = classes.ToArray();
        FeatureCount = featureCount;
        _baseScores = baseScores;
        _trees = treesPerClass.Select(t => t.ToArray()).ToArray();
        if (_trees.Any(t => t.Length != _trees[0].Length))
            throw new ArgumentException("Every class needs the same number of trees (one per round).", nameof(treesPerClass));
        int maxFeature = -1;
        foreach (var tree in _trees.SelectMany(t => t))
            foreach (int f in tree.Feature)
            {
                if (f >= featureCount) throw new ArgumentException($"A tree splits on feature {f}, outside the {featureCount} features.", nameof(treesPerClass));
                maxFeature = Math.Max(maxFeature, f);
            }
        _denseLength = maxFeature + 1;
    }

    public string Kind => KindName;
    public IReadOnlyList<string> Classes => _classes;
    public int FeatureCount { get; }
    public ReadOnlySpan<double> BaseScores => _baseScores;

    /// <summary>Class k's trees, in boosting order.</summary>
    public IReadOnlyList<RegressionTree> TreesOf(int classIndex) => _trees[classIndex];

    public int Rounds => _trees.Length == 0 ? 0 : _trees[0].Length;

    public void Logits(SparseVector features, Span<double> logits)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (logits.Length != _classes.Length) throw new ArgumentException($"Expected {_classes.Length} logits.", nameof(logits));
        var dense = Scatter(features);
        try
        {
            var view = dense.AsSpan(0, _denseLength);
            for (int k = 0; k < _classes.Length; k++)
            {
                double sum = _baseScores[k];
                foreach (var tree in _trees[k]) sum += tree.Value[tree.LeafOf(view)];
                logits[k] = sum;
            }
        }
        finally
        {
            Unscatter(features, dense);
        }
    }

    public void PredictProbabilities(SparseVector features, Span<double> probabilities)
    {
        Span<double> logits = stackalloc double[_classes.Length];
        Logits(features, logits);
        SoftmaxMath.Softmax(logits, probabilities);
    }

    public Explanation Explain(SparseVector features, int classIndex)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentOutOfRangeException.ThrowIfNegative(classIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(classIndex, _classes.Length);
        var phi = new Dictionary<int, double>();
        double baseValue = _baseScores[classIndex], score = _baseScores[classIndex];
        var dense = Scatter(features);
        try
        {
            var view = dense.AsSpan(0, _denseLength);
            var workspace = new TreeShap.Workspace(_trees[classIndex].Select(t => t.MaxDepth).DefaultIfEmpty(0).Max());
            foreach (var tree in _trees[classIndex])
            {
                baseValue += tree.ExpectedValue;
                score += tree.Value[tree.LeafOf(view)];
                workspace.Accumulate(tree, view, phi);
            }
        }
        finally
        {
            Unscatter(features, dense);
        }

        var indices = features.Indices;
        var contributions = new FeatureContribution[indices.Length];
        var inRow = new HashSet<int>();
        for (int i = 0; i < indices.Length; i++)
        {
            int j = indices[i];
            inRow.Add(j);
            contributions[i] = new FeatureContribution(j, phi.GetValueOrDefault(j));
        }
        var absent = phi.Where(p => !inRow.Contains(p.Key) && p.Value != 0)
            .OrderBy(p => p.Key)
            .Select(p => new FeatureContribution(p.Key, p.Value))
            .ToArray();
        return new Explanation(classIndex, baseValue, contributions, score) { AbsentContributions = absent };
    }

    // One zeroed buffer per thread, shared by every ensemble; only a row's own entries are ever set
    // and they are reset afterwards, so a prediction costs O(non-zeros), not O(features).
    [ThreadStatic] private static float[]? t_dense;

    /// <summary>The thread's buffer with the row's values of the features the trees use written in.</summary>
    private float[] Scatter(SparseVector features)
    {
        var dense = t_dense;
        if (dense is null || dense.Length < _denseLength) t_dense = dense = new float[Math.Max(_denseLength, 1024)];
        var indices = features.Indices;
        var values = features.Values;
        for (int i = 0; i < indices.Length; i++)
        {
            int j = indices[i];
            if ((uint)j < (uint)_denseLength) dense[j] = values[i];
        }
        return dense;
    }

    private void Unscatter(SparseVector features, float[] dense)
    {
        foreach (int j in features.Indices)
            if ((uint)j < (uint)_denseLength) dense[j] = 0f;
    }
}
