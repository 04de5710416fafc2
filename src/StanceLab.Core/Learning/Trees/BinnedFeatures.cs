using StanceLab.Features;

namespace StanceLab.Learning.Trees;

/// <summary>
/// The training rows with every feature value replaced by its histogram bin, kept sparse: only
/// non-zero values are stored, and each feature's zero bin is implied (its statistics are the
/// node total minus the feature's other bins), so a text vector is never densified.
///
/// Only features that can split at all are kept ("slots"): a split puts the zeros on one side, so
/// the other side holds only rows where the feature is non-zero, and a feature non-zero in fewer
/// than the minimum leaf size can never make a valid split.
///
/// Bins are global: slot s owns bins [BinStart[s], BinStart[s+1]), in increasing value order, and
/// bin b holds the values in (upper[b−1], upper[b]]. A split after bin b sends value ≤ upper[b] left,
/// which is exactly how the finished tree compares raw values.
/// </summary>
internal sealed class BinnedFeatures
{
    private BinnedFeatures(int[] featureOfSlot, int[] binStart, int[] zeroBin, float[] binUpper,
        int[] rowStart, int[] rowBins, int[] columnStart, int[] columnRows, int[] columnBins)
    {
        FeatureOfSlot = featureOfSlot;
        BinStart = binStart;
        ZeroBin = zeroBin;
        BinUpper = binUpper;
        RowStart = rowStart;
        RowBins = rowBins;
        ColumnStart = columnStart;
        ColumnRows = columnRows;
        ColumnBins = columnBins;
    }

    /// <summary>The original feature index of each slot.</summary>
    public int[] FeatureOfSlot { get; }
    public int SlotCount => FeatureOfSlot.Length;
    /// <summary>First global bin of each slot; one extra entry holds the total.</summary>
    public int[] BinStart { get; }
    public int BinCount => BinStart[^1];
    /// <summary>The global bin that holds the value 0, per slot.</summary>
    public int[] ZeroBin { get; }
    /// <summary>The largest value of each global bin: the threshold of a split after it.</summary>
    public float[] BinUpper { get; }

    /// <summary>Row-major non-zero entries: row r's global bins are RowBins[RowStart[r]..RowStart[r+1]), in slot order. Rows are local (0..n−1).</summary>
    public int[] RowStart { get; }
    public int[] RowBins { get; }

    /// <summary>Column-major copy: slot s's rows and bins are at [ColumnStart[s], ColumnStart[s+1]).</summary>
    public int[] ColumnStart { get; }
    public int[] ColumnRows { get; }
    public int[] ColumnBins { get; }

    public int RowCount => RowStart.Length - 1;

    /// <param name="rows">The training vectors, in the order the local row numbers follow.</param>
    /// <param name="featureCount">Features of the vectors.</param>
    /// <param name="maxBins">Most bins per feature, the zero bin included.</param>
    /// <param name="minExamplesPerLeaf">Features non-zero in fewer rows than this are left out.</param>
    public static BinnedFeatures Build(IReadOnlyList<SparseVector> rows, int featureCount, int maxBins, int minExamplesPerLeaf)
    {
        var nonZero = new int[featureCount];
        foreach (var row in rows)
        {
            var indices = row.Indices;
            var values = row.Values;
            for (int i = 0; i < indices.Length; i++)
                if (values[i] != 0) nonZero[indices[i]]++;
        }

        var slotOf = new int[featureCount];
        var featureOfSlot = new List<int>();
        for (int j = 0; j < featureCount; j++)
        {
            if (nonZero[j] >= minExamplesPerLeaf) { slotOf[j] = featureOfSlot.Count; featureOfSlot.Add(j); }
            else slotOf[j] = -1;
        }
        int slots = featureOfSlot.Count;

        // Column-major values, to sort each feature's values for its quantiles.
        var columnStart = new int[slots + 1];
        for (int s = 0; s < slots; s++) columnStart[s + 1] = columnStart[s] + nonZero[featureOfSlot[s]];
        int entries = columnStart[slots];
        var columnRows = new int[entries];
        var columnValues = new float[entries];
        var fill = columnStart[..slots];
        for (int r = 0; r < rows.Count; r++)
        {
            var indices = rows[r].Indices;
            var values = rows[r].Values;
            for (int i = 0; i < indices.Length; i++)
            {
                int s = slotOf[indices[i]];
                if (s < 0 || values[i] == 0) continue;
                int at = fill[s]++;
                columnRows[at] = r;
                columnValues[at] = values[i];
            }
        }

        var binStart = new int[slots + 1];
        var zeroBin = new int[slots];
        var uppers = new List<float>();
        var columnBins = new int[entries];
        var sorted = new List<float>();
        for (int s = 0; s < slots; s++)
        {
            binStart[s] = uppers.Count;
            sorted.Clear();
            for (int e = columnStart[s]; e < columnStart[s + 1]; e++) sorted.Add(columnValues[e]);
            sorted.Sort();
            int negatives = sorted.FindIndex(v => v > 0);
            if (negatives < 0) negatives = sorted.Count;
            int positives = sorted.Count - negatives;
            // The zero bin takes one of the bins; the rest are shared by sign in proportion to the counts.
            int budget = maxBins - 1;
            int negativeBudget = negatives == 0 ? 0 : positives == 0 ? budget : Math.Clamp((int)Math.Round((double)budget * negatives / sorted.Count), 1, budget - 1);
            // A sign cannot use more bins than it has distinct values; the other sign gets the rest,
            // so values that fit in the budget always get a bin each.
            int negativeDistinct = Distinct(sorted, 0, negatives), positiveDistinct = Distinct(sorted, negatives, sorted.Count);
            negativeBudget = Math.Min(negativeBudget, negativeDistinct);
            if (budget - negativeBudget > positiveDistinct) negativeBudget = Math.Min(budget - positiveDistinct, negativeDistinct);
            AddQuantileUppers(sorted, 0, negatives, negativeBudget, uppers);
            zeroBin[s] = uppers.Count;
            uppers.Add(0f);
            AddQuantileUppers(sorted, negatives, sorted.Count, budget - negativeBudget, uppers);
            int first = binStart[s], count = uppers.Count - first;
            var ofSlot = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(uppers).Slice(first, count);
            for (int e = columnStart[s]; e < columnStart[s + 1]; e++)
                columnBins[e] = first + LowerBound(ofSlot, columnValues[e]);
        }
        binStart[slots] = uppers.Count;

        // Row-major copy; iterating slots in order keeps each row's entries in slot order.
        var rowStart = new int[rows.Count + 1];
        for (int e = 0; e < entries; e++) rowStart[columnRows[e] + 1]++;
        for (int r = 0; r < rows.Count; r++) rowStart[r + 1] += rowStart[r];
        var rowBins = new int[entries];
        var rowFill = rowStart[..rows.Count];
        for (int s = 0; s < slots; s++)
            for (int e = columnStart[s]; e < columnStart[s + 1]; e++)
                rowBins[rowFill[columnRows[e]]++] = columnBins[e];

        return new BinnedFeatures(featureOfSlot.ToArray(), binStart, zeroBin, uppers.ToArray(), rowStart, rowBins, columnStart, columnRows, columnBins);
    }

    /// <summary>
    /// Upper bounds for sorted[from..to) in at most <paramref name="budget"/> bins: every distinct
    /// value when they fit, else equal-count quantiles, each bound an actual value.
    /// </summary>
    private static void AddQuantileUppers(List<float> sorted, int from, int to, int budget, List<float> uppers)
    {
        int n = to - from;
        if (n == 0 || budget <= 0) return;
        if (Distinct(sorted, from, to) <= budget)
        {
            for (int i = from; i < to; i++)
                if (i == to - 1 || sorted[i] != sorted[i + 1]) uppers.Add(sorted[i]);
            return;
        }
        float last = float.NaN;
        for (int b = 1; b <= budget; b++)
        {
            int at = from + (int)Math.Ceiling((double)b * n / budget) - 1;
            float v = sorted[at];
            if (v != last) { uppers.Add(v); last = v; }
        }
        // The last bound must be the maximum so every value has a bin.
        if (last != sorted[to - 1]) uppers.Add(sorted[to - 1]);
    }

    private static int Distinct(List<float> sorted, int from, int to)
    {
        if (to <= from) return 0;
        int distinct = 1;
        for (int i = from + 1; i < to; i++) if (sorted[i] != sorted[i - 1]) distinct++;
        return distinct;
    }

    /// <summary>The first index whose upper bound is ≥ value (the bin that holds it).</summary>
    private static int LowerBound(ReadOnlySpan<float> uppers, float value)
    {
        int lo = 0, hi = uppers.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (uppers[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
