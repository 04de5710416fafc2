using StanceLab.Features;
using StanceLab.Learning.Trees;

namespace StanceLab.Tests.Learning.Trees;

/// <summary>
/// Properties of <see cref="BinnedFeatures.Build"/> on seeded random sparse data: a slot's bins
/// partition the real line at increasing upper bounds with 0 as a bound of its own (the implicit
/// zero bin), every stored entry sits in the bin whose interval (upper[b−1], upper[b]] holds its
/// value, and the row-major and column-major copies hold the same entries.
/// </summary>
public class BinnedFeaturesTests
{
    /// <summary>How a random feature's values are drawn.</summary>
    private enum Shape { Positive, Negative, Mixed, MostlyNegative, MostlyPositive }

    /// <summary>
    /// <paramref name="rowCount"/> rows of <paramref name="featureCount"/> features with a density
    /// per feature from very rare (below any leaf size) to dense, values of either or both signs,
    /// continuous or on a coarse grid (many ties), and now and then an explicitly stored 0.
    /// </summary>
    private static SparseVector[] RandomRows(int seed, int rowCount, int featureCount, int? grid = null)
    {
        var random = new Random(seed);
        var density = Enumerable.Range(0, featureCount).Select(j => j % 5 == 0 ? 0.02 : 0.05 + 0.9 * random.NextDouble()).ToArray();
        var shape = Enumerable.Range(0, featureCount).Select(j => (Shape)(j % 5)).ToArray();
        var coarse = Enumerable.Range(0, featureCount).Select(j => grid is not null || random.NextDouble() < 0.5).ToArray();
        var rows = new SparseVector[rowCount];
        for (int r = 0; r < rowCount; r++)
        {
            var indices = new List<int>();
            var values = new List<float>();
            for (int j = 0; j < featureCount; j++)
            {
                if (random.NextDouble() >= density[j]) continue;
                double magnitude = coarse[j] ? random.Next(1, (grid ?? 6) + 1) * 0.5 : 0.001 + 5 * random.NextDouble();
                bool negative = shape[j] switch
                {
                    Shape.Positive => false,
                    Shape.Negative => true,
                    Shape.Mixed => random.NextDouble() < 0.5,
                    Shape.MostlyNegative => random.NextDouble() < 0.9,
                    _ => random.NextDouble() < 0.1,
                };
                float v = (float)(negative ? -magnitude : magnitude);
                if (random.NextDouble() < 0.02) v = 0f; // stored, but zero: counts as missing
                indices.Add(j);
                values.Add(v);
            }
            rows[r] = new SparseVector(indices.ToArray(), values.ToArray());
        }
        return rows;
    }

    /// <summary>The non-zero (row, value) entries of feature j, rows ascending.</summary>
    private static List<(int Row, float Value)> Column(SparseVector[] rows, int j)
    {
        var column = new List<(int, float)>();
        for (int r = 0; r < rows.Length; r++)
        {
            int at = rows[r].Indices.IndexOf(j);
            if (at >= 0 && rows[r].Values[at] != 0) column.Add((r, rows[r].Values[at]));
        }
        return column;
    }

    public static TheoryData<int, int, int> Settings => new()
    {
        // seed, maxBins, minExamplesPerLeaf
        { 1, 256, 5 },
        { 2, 16, 3 },
        { 3, 4, 1 },
        { 4, 3, 10 },
        { 5, 64, 20 },
        { 6, 7, 2 },
    };

    private const int Rows = 300;
    private const int Features = 20;

    [Theory]
    [MemberData(nameof(Settings))]
    public void Features_non_zero_in_fewer_rows_than_a_leaf_needs_are_left_out_and_all_others_are_kept(int seed, int maxBins, int minLeaf)
    {
        var rows = RandomRows(seed, Rows, Features);
        var bins = BinnedFeatures.Build(rows, Features, maxBins, minLeaf);

        var kept = Enumerable.Range(0, Features).Where(j => Column(rows, j).Count >= minLeaf).ToArray();
        Assert.Equal(kept, bins.FeatureOfSlot);
        Assert.Equal(kept.Length, bins.SlotCount);
        Assert.Equal(Rows, bins.RowCount);
        if (minLeaf >= 10) // the rare features (about 6 rows) are then below the limit
            Assert.Contains(Enumerable.Range(0, Features), j => !kept.Contains(j) && Column(rows, j).Count > 0);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Each_slot_has_at_most_maxBins_increasing_bins_with_a_zero_bin_between_the_signs(int seed, int maxBins, int minLeaf)
    {
        var rows = RandomRows(seed, Rows, Features);
        var bins = BinnedFeatures.Build(rows, Features, maxBins, minLeaf);

        Assert.Equal(0, bins.BinStart[0]);
        Assert.Equal(bins.SlotCount + 1, bins.BinStart.Length);
        Assert.Equal(bins.BinUpper.Length, bins.BinCount);
        for (int s = 0; s < bins.SlotCount; s++)
        {
            int start = bins.BinStart[s], end = bins.BinStart[s + 1];
            Assert.InRange(end - start, 1, maxBins);
            Assert.InRange(bins.ZeroBin[s], start, end - 1);
            Assert.Equal(0f, bins.BinUpper[bins.ZeroBin[s]]);
            for (int b = start + 1; b < end; b++)
                Assert.True(bins.BinUpper[b - 1] < bins.BinUpper[b], $"slot {s}: bounds {bins.BinUpper[b - 1]}, {bins.BinUpper[b]} do not increase");

            // The top bound is the largest value (or the zero bin's 0), so every value has a bin.
            var values = Column(rows, bins.FeatureOfSlot[s]).Select(e => e.Value).ToArray();
            Assert.Equal(Math.Max(0f, values.Max()), bins.BinUpper[end - 1]);
        }
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Every_stored_entry_lies_in_the_bin_whose_interval_holds_its_value(int seed, int maxBins, int minLeaf)
    {
        var rows = RandomRows(seed, Rows, Features);
        var bins = BinnedFeatures.Build(rows, Features, maxBins, minLeaf);

        for (int s = 0; s < bins.SlotCount; s++)
        {
            var column = Column(rows, bins.FeatureOfSlot[s]);
            int from = bins.ColumnStart[s], to = bins.ColumnStart[s + 1];
            // Exactly the rows where the feature is non-zero, in row order.
            Assert.Equal(column.Select(e => e.Row), bins.ColumnRows[from..to]);
            int start = bins.BinStart[s], end = bins.BinStart[s + 1];
            for (int e = from; e < to; e++)
            {
                float value = column[e - from].Value;
                int bin = bins.ColumnBins[e];
                Assert.InRange(bin, start, end - 1);
                Assert.NotEqual(bins.ZeroBin[s], bin);
                Assert.True(value <= bins.BinUpper[bin], $"slot {s}: {value} above its bin's bound {bins.BinUpper[bin]}");
                if (bin > start)
                    Assert.True(bins.BinUpper[bin - 1] < value, $"slot {s}: {value} not above the previous bound {bins.BinUpper[bin - 1]}");
            }
        }
        Assert.Equal(bins.ColumnStart[^1], bins.ColumnRows.Length);
        Assert.Equal(bins.ColumnRows.Length, bins.ColumnBins.Length);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void The_row_major_and_column_major_copies_hold_the_same_row_and_bin_pairs(int seed, int maxBins, int minLeaf)
    {
        var rows = RandomRows(seed, Rows, Features);
        var bins = BinnedFeatures.Build(rows, Features, maxBins, minLeaf);

        var byColumn = new List<(int Row, int Bin)>();
        for (int s = 0; s < bins.SlotCount; s++)
            for (int e = bins.ColumnStart[s]; e < bins.ColumnStart[s + 1]; e++)
                byColumn.Add((bins.ColumnRows[e], bins.ColumnBins[e]));

        var byRow = new List<(int Row, int Bin)>();
        Assert.Equal(Rows + 1, bins.RowStart.Length);
        Assert.Equal(0, bins.RowStart[0]);
        for (int r = 0; r < Rows; r++)
        {
            Assert.True(bins.RowStart[r] <= bins.RowStart[r + 1]);
            for (int e = bins.RowStart[r]; e < bins.RowStart[r + 1]; e++)
            {
                // Within a row, entries are in slot order, hence in increasing global bin.
                if (e > bins.RowStart[r]) Assert.True(bins.RowBins[e - 1] < bins.RowBins[e]);
                byRow.Add((r, bins.RowBins[e]));
            }
        }
        Assert.Equal(bins.RowBins.Length, bins.RowStart[^1]);
        Assert.Equal(byColumn.Order(), byRow.Order());
    }

    public static TheoryData<int, int> FittingSettings => new()
    {
        // seed, grid (distinct magnitudes per sign)
        { 11, 2 },
        { 12, 3 },
        { 13, 6 },
        { 14, 10 },
    };

    [Theory]
    [MemberData(nameof(FittingSettings))]
    public void When_the_distinct_values_fit_in_maxBins_minus_one_each_distinct_value_has_its_own_bin(int seed, int grid)
    {
        // Values on a grid of a few steps per sign: many ties, and the signs unevenly common.
        var rows = RandomRows(seed, Rows, Features, grid);
        var distinctCounts = Enumerable.Range(0, Features).Select(j => Column(rows, j).Select(e => e.Value).Distinct().Count()).ToArray();
        // Tight: as few bins as the feature with the most distinct values needs, besides the zero bin.
        int maxBins = distinctCounts.Max() + 1;
        var bins = BinnedFeatures.Build(rows, Features, maxBins, minExamplesPerLeaf: 1);

        int checkedSlots = 0;
        for (int s = 0; s < bins.SlotCount; s++)
        {
            var distinct = Column(rows, bins.FeatureOfSlot[s]).Select(e => e.Value).Distinct().Order().ToArray();
            if (distinct.Length > maxBins - 1) continue;
            checkedSlots++;
            var uppers = bins.BinUpper[bins.BinStart[s]..bins.BinStart[s + 1]];
            Assert.Equal(distinct.Append(0f).Order(), uppers);
        }
        Assert.True(checkedSlots >= Features / 2);
    }

    [Fact]
    public void Three_distinct_values_get_three_bins_besides_zero_even_when_one_sign_has_most_of_the_rows()
    {
        // −1 four times, then +1 and +2 once each: three distinct values, so four bins (zero
        // included) are enough for each to have its own, and a split between +1 and +2 is possible.
        SparseVector[] rows =
        [
            new([0], [-1f]), new([0], [-1f]), new([0], [-1f]), new([0], [-1f]),
            new([0], [1f]), new([0], [2f]), SparseVector.Empty,
        ];
        var bins = BinnedFeatures.Build(rows, featureCount: 1, maxBins: 4, minExamplesPerLeaf: 1);

        Assert.Equal([-1f, 0f, 1f, 2f], bins.BinUpper[bins.BinStart[0]..bins.BinStart[1]]);
    }

    [Fact]
    public void With_more_distinct_values_than_bins_the_bins_still_cover_every_value_and_split_by_sign()
    {
        // 1000 distinct values of each sign into 5 bins: the zero bin plus at least one bin per sign.
        var random = new Random(8);
        var rows = Enumerable.Range(0, 2000).Select(r =>
        {
            float v = (float)((r % 2 == 0 ? 1 : -1) * (0.01 + random.NextDouble()));
            return new SparseVector([0], [v]);
        }).ToArray();
        var bins = BinnedFeatures.Build(rows, featureCount: 1, maxBins: 5, minExamplesPerLeaf: 1);

        var uppers = bins.BinUpper[bins.BinStart[0]..bins.BinStart[1]];
        Assert.InRange(uppers.Length, 3, 5);
        Assert.Contains(uppers, u => u < 0);
        Assert.Contains(uppers, u => u > 0);
        Assert.Equal(rows.Max(r => r.Values[0]), uppers[^1]);
    }
}
