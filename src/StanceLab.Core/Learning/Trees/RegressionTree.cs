namespace StanceLab.Learning.Trees;

/// <summary>
/// One binary regression tree, immutable. Nodes are numbered with the root at 0; an internal node
/// sends a row left when its value of <see cref="Feature"/> is ≤ <see cref="Threshold"/> (a feature
/// missing from a sparse row has value 0). A leaf has feature −1 and holds <see cref="Value"/>.
/// <see cref="Cover"/> is the training weight that reached each node; a parent's cover is the sum
/// of its children's, which TreeSHAP and the expected value rely on.
/// </summary>
public sealed class RegressionTree
{
    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _value;
    private readonly double[] _cover;

    public RegressionTree(int[] feature, float[] threshold, int[] left, int[] right, double[] value, double[] cover)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(threshold);
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(cover);
        int n = feature.Length;
        if (n == 0) throw new ArgumentException("A tree has at least one node.", nameof(feature));
        if (threshold.Length != n || left.Length != n || right.Length != n || value.Length != n || cover.Length != n)
            throw new ArgumentException("Every node array must have one entry per node.");
        // Children must come after their parent: that rules out cycles and lets depth be computed in one pass.
        var depth = new int[n];
        var hasParent = new bool[n];
        for (int i = 0; i < n; i++)
        {
            if (feature[i] < -1) throw new ArgumentException($"Node {i} has feature {feature[i]}.");
            if (!(cover[i] >= 0) || double.IsInfinity(cover[i])) throw new ArgumentException($"Node {i} has cover {cover[i]}.");
            if (!double.IsFinite(value[i])) throw new ArgumentException($"Node {i} has value {value[i]}.");
            if (feature[i] < 0) continue;
            if (left[i] <= i || left[i] >= n || right[i] <= i || right[i] >= n || left[i] == right[i])
                throw new ArgumentException($"Node {i} has children {left[i]} and {right[i]}, which must be distinct later nodes.");
            if (float.IsNaN(threshold[i])) throw new ArgumentException($"Node {i} has a NaN threshold.");
            if (hasParent[left[i]] || hasParent[right[i]]) throw new ArgumentException($"Node {i} shares a child with another node; a tree's nodes have one parent each.");
            hasParent[left[i]] = hasParent[right[i]] = true;
            depth[left[i]] = depth[right[i]] = depth[i] + 1;
            MaxDepth = Math.Max(MaxDepth, depth[i] + 1);
        }
        _feature = feature;
        _threshold = threshold;
        _left = left;
        _right = right;
        _value = value;
        _cover = cover;
        ExpectedValue = ComputeExpectedValue();
    }

    /// <summary>A tree of one leaf.</summary>
    public static RegressionTree Leaf(double value, double cover) =>
        new([-1], [0f], [0], [0], [value], [cover]);

    public int NodeCount => _feature.Length;
    public int LeafCount => _feature.Count(f => f < 0);
    public int MaxDepth { get; }

    /// <summary>The cover-weighted mean of the leaf values: what the tree outputs when nothing is known about a row.</summary>
    public double ExpectedValue { get; }

    public ReadOnlySpan<int> Feature => _feature;
    public ReadOnlySpan<float> Threshold => _threshold;
    public ReadOnlySpan<int> Left => _left;
    public ReadOnlySpan<int> Right => _right;
    public ReadOnlySpan<double> Value => _value;
    public ReadOnlySpan<double> Cover => _cover;

    public bool IsLeaf(int node) => _feature[node] < 0;

    /// <summary>The leaf a row reaches; <paramref name="dense"/> holds the row's value of every feature the tree uses.</summary>
    public int LeafOf(ReadOnlySpan<float> dense)
    {
        int node = 0;
        while (_feature[node] >= 0)
            node = dense[_feature[node]] <= _threshold[node] ? _left[node] : _right[node];
        return node;
    }

    private double ComputeExpectedValue()
    {
        if (_cover[0] <= 0) return _value.Where((_, i) => _feature[i] < 0).DefaultIfEmpty(0).Average();
        double sum = 0;
        for (int i = 0; i < _feature.Length; i++)
            if (_feature[i] < 0) sum += _value[i] * _cover[i];
        return sum / _cover[0];
    }
}
