namespace StanceLab.Learning.Trees;

/// <summary>
/// Grows one regression tree on gradients and hessians, best-first: the leaf whose best split
/// gains most is split next, until the leaf budget is spent or no split gains. Split search
/// uses histograms over <see cref="BinnedFeatures"/>; a child's histogram comes from a scan of
/// its rows only when it is the smaller child, the larger is the parent's minus the smaller's.
/// A grower owns its buffers and is reused for many trees, but by one thread at a time.
/// </summary>
internal sealed class TreeGrower
{
    private readonly BinnedFeatures _bins;
    private readonly GradientBoostingOptions _options;
    private readonly int[] _slotOfBin;
    private readonly int[] _leafOf;
    private readonly bool[] _goesLeft;
    private readonly int[] _rows;
    private readonly int[] _spare;
    private readonly Stack<HistogramBin[]> _pool = new();
    private readonly Stack<HistogramBin[]> _slotPool = new();
    private readonly int _maxLiveHistograms;
    private int _live;
    private List<LeafState> _leaves = [];

    /// <summary>
    /// Histograms kept at once per grower. A leaf waiting to be split may lose its histogram to a
    /// newer leaf and rebuild it from its rows when its turn comes (as LightGBM's histogram pool
    /// does), so memory is this many histograms, not one per leaf.
    /// </summary>
    public const int DefaultMaxLiveHistograms = 8;

    public TreeGrower(BinnedFeatures bins, GradientBoostingOptions options, int maxLiveHistograms = DefaultMaxLiveHistograms)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLiveHistograms, 2);
        _bins = bins;
        _options = options;
        _maxLiveHistograms = maxLiveHistograms;
        _slotOfBin = new int[bins.BinCount];
        for (int s = 0; s < bins.SlotCount; s++)
            for (int b = bins.BinStart[s]; b < bins.BinStart[s + 1]; b++) _slotOfBin[b] = s;
        _leafOf = new int[bins.RowCount];
        _goesLeft = new bool[bins.RowCount];
        _rows = new int[bins.RowCount];
        _spare = new int[bins.RowCount];
    }

    /// <summary>The tree, and for every local row in <paramref name="sample"/> the leaf it fell in (others −1).</summary>
    public (RegressionTree Tree, int[] LeafOfRow) Grow(ReadOnlySpan<double> gradients, ReadOnlySpan<double> hessians, ReadOnlySpan<int> sample, bool[]? slotAllowed)
    {
        Array.Fill(_leafOf, -1);
        sample.CopyTo(_rows);
        var nodes = new List<NodeBuilder> { new() };
        var root = new LeafState(0, 0, sample.Length, 0);
        foreach (int r in sample)
        {
            root.Total.Gradient += gradients[r];
            root.Total.Hessian += hessians[r];
            _leafOf[r] = 0;
        }
        root.Total.Count = sample.Length;
        Rent(root);
        root.Touched = Scan(root, gradients, hessians);
        root.Best = FindBest(root, slotAllowed);
        if (!root.Best.IsValid) Return(root);

        var leaves = new List<LeafState> { root };
        _leaves = leaves;
        while (leaves.Count < _options.Leaves)
        {
            int pick = -1;
            for (int i = 0; i < leaves.Count; i++)
            {
                var best = leaves[i].Best;
                if (!best.IsValid) continue;
                if (pick < 0 || best.IsBetterThan(leaves[pick].Best)) pick = i;
            }
            if (pick < 0) break;
            var parent = leaves[pick];
            leaves.RemoveAt(pick);
            if (parent.Histogram is null)
            {
                // Its histogram was lent to a newer leaf: rebuild it from the leaf's rows.
                Rent(parent);
                parent.Touched = Scan(parent, gradients, hessians);
            }
            var (left, right) = Split(parent, nodes, gradients, hessians);
            foreach (var child in new[] { left, right })
            {
                child.Best = FindBest(child, slotAllowed);
                // A leaf that cannot split never needs its histogram again: hand the buffers back now,
                // so memory follows the leaves still in play, not every leaf grown.
                if (!child.Best.IsValid) Return(child);
                leaves.Add(child);
            }
        }

        foreach (var leaf in leaves)
        {
            var node = nodes[leaf.Node];
            double denominator = leaf.Total.Hessian + _options.L2;
            node.Value = denominator > 0 ? -_options.LearningRate * leaf.Total.Gradient / denominator : 0.0;
            node.Cover = leaf.Total.Count;
            Return(leaf);
        }
        // Parents' covers are their children's sums, computed bottom-up (children come later).
        for (int i = nodes.Count - 1; i >= 0; i--)
            if (nodes[i].Feature >= 0) nodes[i].Cover = nodes[nodes[i].Left].Cover + nodes[nodes[i].Right].Cover;

        var tree = new RegressionTree(
            nodes.Select(n => n.Feature).ToArray(),
            nodes.Select(n => n.Threshold).ToArray(),
            nodes.Select(n => n.Left).ToArray(),
            nodes.Select(n => n.Right).ToArray(),
            nodes.Select(n => n.Value).ToArray(),
            nodes.Select(n => n.Cover).ToArray());
        return (tree, (int[])_leafOf.Clone());
    }

    /// <summary>
    /// Builds a leaf's histogram and per-slot totals from its rows and returns the slots it saw
    /// non-zero. Every entry is non-zero, so a slot's total count is its non-zero rows in the leaf.
    /// </summary>
    private int[] Scan(LeafState leaf, ReadOnlySpan<double> gradients, ReadOnlySpan<double> hessians)
    {
        var histogram = leaf.Histogram!;
        var slotTotals = leaf.SlotTotals!;
        var touched = new List<int>();
        var rowStart = _bins.RowStart;
        var rowBins = _bins.RowBins;
        for (int i = leaf.Begin; i < leaf.End; i++)
        {
            int r = _rows[i];
            double g = gradients[r], h = hessians[r];
            for (int e = rowStart[r]; e < rowStart[r + 1]; e++)
            {
                int bin = rowBins[e];
                ref var cell = ref histogram[bin];
                cell.Gradient += g;
                cell.Hessian += h;
                cell.Count++;
                int slot = _slotOfBin[bin];
                ref var slotTotal = ref slotTotals[slot];
                if (slotTotal.Count == 0) touched.Add(slot);
                slotTotal.Gradient += g;
                slotTotal.Hessian += h;
                slotTotal.Count++;
            }
        }
        return touched.ToArray();
    }

    private SplitCandidate FindBest(LeafState leaf, bool[]? slotAllowed)
    {
        int minLeaf = _options.MinExamplesPerLeaf;
        if (leaf.Total.Count < 2 * minLeaf) return SplitCandidate.None;
        if (_options.MaxDepth > 0 && leaf.Depth >= _options.MaxDepth) return SplitCandidate.None;
        double lambda = _options.L2, minHessian = _options.MinHessianPerLeaf;
        var total = leaf.Total;
        double parentScore = total.Gradient * total.Gradient / (total.Hessian + lambda);
        var histogram = leaf.Histogram!;
        var slotTotals = leaf.SlotTotals!;
        var best = SplitCandidate.None;
        foreach (int s in leaf.Touched!)
        {
            // Zeros share a side with some bins, so the other side holds only non-zero rows: too few of them, no split.
            var nonZero = slotTotals[s];
            if (nonZero.Count < minLeaf) continue;
            if (slotAllowed is not null && !slotAllowed[s]) continue;
            int start = _bins.BinStart[s], end = _bins.BinStart[s + 1], zero = _bins.ZeroBin[s];
            if (zero == start)
            {
                // No negative values (the usual case for text): scan from the top, so the zero bin's
                // statistics, the total minus the rest, are never needed on their own.
                var right = default(HistogramBin);
                for (int b = end - 1; b > start; b--)
                {
                    // An empty bin moves no row, so the split below it equals the one above: skip it.
                    if (histogram[b].Count == 0) continue;
                    right += histogram[b];
                    if (right.Count < minLeaf) continue;
                    var left = total - right;
                    if (left.Count < minLeaf) break;
                    Consider(s, b - 1, left, right, ref best);
                }
            }
            else
            {
                var zeroStats = total - nonZero;
                var left = default(HistogramBin);
                for (int b = start; b < end - 1; b++)
                {
                    left += b == zero ? zeroStats : histogram[b];
                    if (left.Count < minLeaf) continue;
                    var right = total - left;
                    if (right.Count < minLeaf) break;
                    Consider(s, b, left, right, ref best);
                }
            }
        }
        return best;

        void Consider(int slot, int bin, HistogramBin left, HistogramBin right, ref SplitCandidate best)
        {
            if (left.Hessian < minHessian || right.Hessian < minHessian) return;
            double gain = left.Gradient * left.Gradient / (left.Hessian + lambda)
                + right.Gradient * right.Gradient / (right.Hessian + lambda) - parentScore;
            if (!(gain > _options.MinSplitGain) || !(gain > 0)) return;
            var candidate = new SplitCandidate(slot, bin, gain);
            if (candidate.IsBetterThan(best)) best = candidate;
        }
    }

    private (LeafState Left, LeafState Right) Split(LeafState parent, List<NodeBuilder> nodes, ReadOnlySpan<double> gradients, ReadOnlySpan<double> hessians)
    {
        var split = parent.Best;
        int slot = split.Slot;
        bool zeroGoesLeft = _bins.ZeroBin[slot] <= split.Bin;
        for (int i = parent.Begin; i < parent.End; i++) _goesLeft[_rows[i]] = zeroGoesLeft;
        for (int e = _bins.ColumnStart[slot]; e < _bins.ColumnStart[slot + 1]; e++)
        {
            int r = _bins.ColumnRows[e];
            if (_leafOf[r] == parent.Node) _goesLeft[r] = _bins.ColumnBins[e] <= split.Bin;
        }

        int leftNode = nodes.Count, rightNode = nodes.Count + 1;
        nodes.Add(new NodeBuilder());
        nodes.Add(new NodeBuilder());
        var node = nodes[parent.Node];
        node.Feature = _bins.FeatureOfSlot[slot];
        node.Threshold = _bins.BinUpper[split.Bin];
        node.Left = leftNode;
        node.Right = rightNode;

        // Stable partition: left rows keep their order at the front, right rows follow in order.
        var left = new LeafState(leftNode, parent.Begin, parent.Begin, parent.Depth + 1);
        int rightCount = 0;
        for (int i = parent.Begin; i < parent.End; i++)
        {
            int r = _rows[i];
            if (_goesLeft[r])
            {
                _rows[left.End++] = r;
                _leafOf[r] = leftNode;
                left.Total.Gradient += gradients[r];
                left.Total.Hessian += hessians[r];
            }
            else
            {
                _spare[rightCount++] = r;
                _leafOf[r] = rightNode;
            }
        }
        Array.Copy(_spare, 0, _rows, left.End, rightCount);
        left.Total.Count = left.End - left.Begin;
        var right = new LeafState(rightNode, left.End, parent.End, parent.Depth + 1);
        for (int i = right.Begin; i < right.End; i++)
        {
            int r = _rows[i];
            right.Total.Gradient += gradients[r];
            right.Total.Hessian += hessians[r];
        }
        right.Total.Count = rightCount;

        var (small, large) = left.Total.Count <= right.Total.Count ? (left, right) : (right, left);
        Rent(small);
        small.Touched = Scan(small, gradients, hessians);
        // The larger child takes over the parent's buffers and subtracts the smaller child from them.
        var histogram = parent.Histogram!;
        var slotTotals = parent.SlotTotals!;
        var smallHistogram = small.Histogram!;
        var smallTotals = small.SlotTotals!;
        foreach (int s in small.Touched)
        {
            slotTotals[s] = slotTotals[s] - smallTotals[s];
            for (int b = _bins.BinStart[s]; b < _bins.BinStart[s + 1]; b++)
                histogram[b] = histogram[b] - smallHistogram[b];
        }
        large.Histogram = histogram;
        large.SlotTotals = slotTotals;
        large.Touched = parent.Touched;
        parent.Histogram = null;
        parent.SlotTotals = null;
        return (left, right);
    }

    private void Rent(LeafState leaf)
    {
        if (_live >= _maxLiveHistograms) Evict();
        _live++;
        leaf.Histogram = _pool.Count > 0 ? _pool.Pop() : new HistogramBin[_bins.BinCount];
        leaf.SlotTotals = _slotPool.Count > 0 ? _slotPool.Pop() : new HistogramBin[_bins.SlotCount];
    }

    /// <summary>Clears what the leaf wrote (only its touched slots can be non-zero) and keeps the buffer for the next leaf.</summary>
    private void Return(LeafState leaf)
    {
        var histogram = leaf.Histogram;
        if (histogram is null) return;
        var slotTotals = leaf.SlotTotals!;
        foreach (int s in leaf.Touched!)
        {
            Array.Clear(histogram, _bins.BinStart[s], _bins.BinStart[s + 1] - _bins.BinStart[s]);
            slotTotals[s] = default;
        }
        leaf.Histogram = null;
        leaf.SlotTotals = null;
        _live--;
        _pool.Push(histogram);
        _slotPool.Push(slotTotals);
    }

    /// <summary>Takes the histogram of the waiting leaf least likely to be split next (lowest gain; ties: the newest).</summary>
    private void Evict()
    {
        LeafState? victim = null;
        foreach (var leaf in _leaves)
        {
            if (leaf.Histogram is null) continue;
            if (victim is null || leaf.Best.Gain < victim.Best.Gain || (leaf.Best.Gain == victim.Best.Gain && leaf.Node > victim.Node)) victim = leaf;
        }
        if (victim is not null) Return(victim);
    }

    private sealed class LeafState(int node, int begin, int end, int depth)
    {
        public int Node { get; } = node;
        public int Begin { get; } = begin;
        public int End { get; set; } = end;
        public int Depth { get; } = depth;
        public HistogramBin Total;
        public HistogramBin[]? Histogram { get; set; }
        /// <summary>Per slot: the sums over the leaf's rows where the feature is non-zero.</summary>
        public HistogramBin[]? SlotTotals { get; set; }
        public int[]? Touched { get; set; }
        public SplitCandidate Best { get; set; } = SplitCandidate.None;
    }

    private sealed class NodeBuilder
    {
        public int Feature = -1;
        public float Threshold;
        public int Left;
        public int Right;
        public double Value;
        public double Cover;
    }
}
