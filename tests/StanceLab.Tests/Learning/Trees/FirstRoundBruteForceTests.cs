using StanceLab.Features;
using StanceLab.Learning;
using StanceLab.Learning.Trees;

namespace StanceLab.Tests.Learning.Trees;

/// <summary>
/// The first boosting round checked against an independent brute-force search. Before any tree,
/// every row's margins are the base scores (the log of each class's share), so every row has the
/// same softmax probabilities and the gradients g = w(p − y) and hessians h = w·p(1 − p) are known
/// in closed form. Every threshold between consecutive distinct values of every feature (a value
/// missing from the sparse row counts as 0) is then tried on the raw values, with the gain
/// GL²/(HL+λ) + GR²/(HR+λ) − G²/(H+λ) and the leaf-size limits; the trainer's histogram search over
/// sparse bins must find the same split and the same Newton leaf values −η·G/(H+λ).
/// </summary>
public class FirstRoundBruteForceTests
{
    private const int RowCount = 40;
    private const int ClassCount = 3;
    private const int FeatureCount = 6;
    private const int MinLeaf = 3;
    private const double Lambda = 1.0;
    private const double Eta = 0.5;
    private const double MinHessian = 1e-3;

    public enum WeightKind
    {
        /// <summary>Every row weighs 1.</summary>
        None,
        /// <summary>Row weights drawn in [0.5, 2).</summary>
        Random,
        /// <summary>The last class's rows weigh 0, so its base score is the floor, not log 0.</summary>
        ZeroForLastClass,
    }

    private static GradientBoostingOptions Options(int leaves, int minLeaf = MinLeaf) => new()
    {
        Rounds = 1,
        EarlyStoppingRounds = 0,
        Leaves = leaves,
        MaxBins = 256, // far more than the 40 rows' distinct values: every value gets its own bin
        MinExamplesPerLeaf = minLeaf,
        MinHessianPerLeaf = MinHessian,
        L2 = Lambda,
        LearningRate = Eta,
        MaxParallelism = 2,
    };

    [Theory]
    [InlineData(WeightKind.None)]
    [InlineData(WeightKind.Random)]
    public void The_first_split_of_every_class_tree_is_the_best_split_found_by_brute_force(WeightKind weights)
    {
        var data = Data.Make(seed: 11, weights);
        var (baseScores, g, h) = FirstRoundStatistics(data);
        var model = Fit(data, Options(leaves: 2));

        Assert.Equal(1, model.Rounds);
        for (int c = 0; c < ClassCount; c++)
            Assert.Equal(baseScores[c], model.BaseScores[c], 1e-12);

        var all = Enumerable.Range(0, RowCount).ToArray();
        for (int c = 0; c < ClassCount; c++)
        {
            var candidates = Candidates(data, all, g[c], h[c], MinLeaf);
            var best = Best(candidates);
            Assert.NotNull(best);
            AssertClearWinner(best, candidates, $"class {c}, root");

            var tree = model.TreesOf(c)[0];
            Assert.Equal(3, tree.NodeCount);
            Assert.False(tree.IsLeaf(0));
            Assert.Equal(best.Feature, tree.Feature[0]);
            Assert.Equal(best.Left, GoingLeft(tree, 0, all, data));

            int left = tree.Left[0], right = tree.Right[0];
            Assert.True(tree.IsLeaf(left));
            Assert.True(tree.IsLeaf(right));
            Assert.Equal(Newton(best.Left, g[c], h[c]), tree.Value[left], 1e-9);
            Assert.Equal(Newton(best.Right, g[c], h[c]), tree.Value[right], 1e-9);
            Assert.Equal(best.Left.Length, tree.Cover[left]);
            Assert.Equal(best.Right.Length, tree.Cover[right]);
            Assert.Equal(RowCount, tree.Cover[0]);
        }
    }

    [Theory]
    [InlineData(WeightKind.None)]
    [InlineData(WeightKind.Random)]
    public void With_three_leaves_the_second_split_is_the_best_brute_force_split_over_both_children_of_the_first(WeightKind weights)
    {
        var data = Data.Make(seed: 9, weights);
        var (_, g, h) = FirstRoundStatistics(data);
        var model = Fit(data, Options(leaves: 3));

        var all = Enumerable.Range(0, RowCount).ToArray();
        var sidesSplit = new HashSet<bool>();
        for (int c = 0; c < ClassCount; c++)
        {
            var rootCandidates = Candidates(data, all, g[c], h[c], MinLeaf);
            var first = Best(rootCandidates);
            Assert.NotNull(first);
            AssertClearWinner(first, rootCandidates, $"class {c}, root");

            // Best-first growth: of the two children, the one whose best split gains more is split.
            var leftCandidates = Candidates(data, first.Left, g[c], h[c], MinLeaf);
            var rightCandidates = Candidates(data, first.Right, g[c], h[c], MinLeaf);
            var leftBest = Best(leftCandidates);
            var rightBest = Best(rightCandidates);
            bool splitLeft = leftBest is not null && (rightBest is null || leftBest.Gain > rightBest.Gain);
            var second = splitLeft ? leftBest : rightBest;
            Assert.NotNull(second);
            sidesSplit.Add(splitLeft);
            var rivals = (splitLeft ? leftCandidates : rightCandidates).Concat(splitLeft ? rightCandidates : leftCandidates);
            AssertClearWinner(second, rivals.ToList(), $"class {c}, second split");

            var tree = model.TreesOf(c)[0];
            Assert.Equal(3, tree.LeafCount);
            Assert.Equal(first.Feature, tree.Feature[0]);
            Assert.Equal(first.Left, GoingLeft(tree, 0, all, data));

            int splitNode = splitLeft ? tree.Left[0] : tree.Right[0];
            int leafNode = splitLeft ? tree.Right[0] : tree.Left[0];
            var splitRows = splitLeft ? first.Left : first.Right;
            var leafRows = splitLeft ? first.Right : first.Left;
            Assert.True(tree.IsLeaf(leafNode));
            Assert.False(tree.IsLeaf(splitNode));
            Assert.Equal(second.Feature, tree.Feature[splitNode]);
            Assert.Equal(second.Left, GoingLeft(tree, splitNode, splitRows, data));

            // The three leaves hold the Newton values and row counts of their rows.
            (int Node, int[] Rows)[] leaves =
            [
                (leafNode, leafRows),
                (tree.Left[splitNode], second.Left),
                (tree.Right[splitNode], second.Right),
            ];
            foreach (var (node, rows) in leaves)
            {
                Assert.True(tree.IsLeaf(node));
                Assert.Equal(Newton(rows, g[c], h[c]), tree.Value[node], 1e-9);
                Assert.Equal(rows.Length, tree.Cover[node]);
            }
            Assert.Equal(splitRows.Length, tree.Cover[splitNode]);
            Assert.Equal(RowCount, tree.Cover[0]);
        }
        // Data precondition: some class splits its left child and some its right one, so splitting
        // whichever child comes first would not pass.
        Assert.Equal(2, sidesSplit.Count);
    }

    public enum Extreme
    {
        /// <summary>Positive values only; the two rare rows have the smallest, so isolating them leaves 2 rows on the left (with the zeros).</summary>
        SmallestOfPositive,
        /// <summary>Negative values only; the two rare rows are nearest zero, so isolating them leaves 2 rows on the right.</summary>
        LargestOfNegative,
        /// <summary>Both signs; the two rare rows have the largest values.</summary>
        LargestOfMixed,
        /// <summary>Both signs; the two rare rows have the smallest values.</summary>
        SmallestOfMixed,
    }

    [Theory]
    [InlineData(Extreme.SmallestOfPositive)]
    [InlineData(Extreme.LargestOfNegative)]
    [InlineData(Extreme.LargestOfMixed)]
    [InlineData(Extreme.SmallestOfMixed)]
    public void A_split_leaving_fewer_than_MinExamplesPerLeaf_rows_on_a_side_is_never_made_even_when_it_would_gain_most(Extreme extreme)
    {
        // Class 2 has two rows only, and feature 0 sets them apart at one end of its range.
        var random = new Random(31 + (int)extreme);
        var x = new float[RowCount][];
        var y = new int[RowCount];
        for (int r = 0; r < RowCount; r++)
        {
            y[r] = r < 2 ? 2 : random.Next(2);
            var row = new float[FeatureCount];
            for (int f = 1; f < FeatureCount; f++)
                row[f] = (float)Math.Round(random.NextDouble() * 4 - 2, 2); // noise of both signs
            double u = random.NextDouble();
            row[0] = extreme switch
            {
                Extreme.SmallestOfPositive => r < 2 ? 0.1f * (r + 1) : (float)(1 + u),
                Extreme.LargestOfNegative => r < 2 ? -0.1f * (r + 1) : (float)(-1 - u),
                Extreme.LargestOfMixed => r < 2 ? 5f + r : (float)(4 * u - 2.5),
                _ => r < 2 ? -5f - r : (float)(4 * u - 1.5),
            };
            x[r] = row;
        }
        // Random row weights, so that no two splits of these 40 rows tie in gain.
        var data = Data.From(x, y, weights: Enumerable.Range(0, RowCount).Select(_ => 0.5 + 1.5 * random.NextDouble()).ToArray());
        var (_, g, h) = FirstRoundStatistics(data);
        var model = Fit(data, Options(leaves: 2));
        var all = Enumerable.Range(0, RowCount).ToArray();

        // Data precondition: without the limit, the best split of class 2 isolates its two rows.
        var unlimited = Best(Candidates(data, all, g[2], h[2], minLeaf: 1));
        Assert.NotNull(unlimited);
        Assert.Equal(0, unlimited.Feature);
        Assert.Equal(2, Math.Min(unlimited.Left.Length, unlimited.Right.Length));

        for (int c = 0; c < ClassCount; c++)
        {
            var candidates = Candidates(data, all, g[c], h[c], MinLeaf);
            var best = Best(candidates);
            Assert.NotNull(best);
            AssertClearWinner(best, candidates, $"class {c}");
            var tree = model.TreesOf(c)[0];
            Assert.Equal(best.Feature, tree.Feature[0]);
            var left = GoingLeft(tree, 0, all, data);
            Assert.Equal(best.Left, left);
            Assert.InRange(left.Length, MinLeaf, RowCount - MinLeaf);
            Assert.Equal(Newton(best.Left, g[c], h[c]), tree.Value[tree.Left[0]], 1e-9);
            Assert.Equal(Newton(best.Right, g[c], h[c]), tree.Value[tree.Right[0]], 1e-9);
        }
    }

    [Theory]
    [InlineData(WeightKind.None)]
    [InlineData(WeightKind.ZeroForLastClass)]
    public void When_no_split_leaves_enough_rows_on_each_side_the_tree_is_one_leaf_with_the_Newton_value_of_all_rows(WeightKind weights)
    {
        var data = Data.Make(seed: 11, weights);
        var (baseScores, g, h) = FirstRoundStatistics(data);
        int minLeaf = RowCount / 2 + 1;
        var model = Fit(data, Options(leaves: 2, minLeaf));

        var all = Enumerable.Range(0, RowCount).ToArray();
        for (int c = 0; c < ClassCount; c++)
        {
            Assert.Empty(Candidates(data, all, g[c], h[c], minLeaf));
            Assert.Equal(baseScores[c], model.BaseScores[c], 1e-12);

            var tree = Assert.Single(model.TreesOf(c));
            Assert.Equal(1, tree.NodeCount);
            Assert.True(tree.IsLeaf(0));
            Assert.Equal(Newton(all, g[c], h[c]), tree.Value[0], 1e-9);
            Assert.Equal(RowCount, tree.Cover[0]);
            Assert.Equal(tree.Value[0], tree.ExpectedValue, 1e-15);
        }
        if (weights == WeightKind.ZeroForLastClass)
        {
            // The floored base score is not the best constant, so the leaf has something to correct.
            Assert.True(Math.Abs(Newton(all, g[ClassCount - 1], h[ClassCount - 1])) > 1e-3);
        }
    }

    public enum Presence
    {
        /// <summary>Feature 0 is positive where present, mostly in class 0.</summary>
        PositiveValues,
        /// <summary>Feature 0 is negative where present, mostly in class 0.</summary>
        NegativeValues,
        /// <summary>Feature 0 is positive in class 0, negative in class 1 and mostly missing in class 2.</summary>
        SignByClass,
    }

    [Theory]
    [InlineData(Presence.PositiveValues)]
    [InlineData(Presence.NegativeValues)]
    [InlineData(Presence.SignByClass)]
    public void A_split_between_missing_and_present_values_sends_the_rows_missing_the_feature_with_the_zeros(Presence presence)
    {
        var random = new Random(57 + (int)presence);
        var x = new float[RowCount][];
        var y = new int[RowCount];
        for (int r = 0; r < RowCount; r++)
        {
            y[r] = r % ClassCount;
            var row = new float[FeatureCount];
            for (int f = 1; f < FeatureCount; f++)
                row[f] = (float)Math.Round(random.NextDouble() * 4 - 2, 2);
            bool present = random.NextDouble() < (y[r] == 2 ? 0.1 : y[r] == 0 || presence == Presence.SignByClass ? 0.85 : 0.15);
            float magnitude = (float)(0.1 + random.NextDouble());
            row[0] = !present ? 0f : presence switch
            {
                Presence.PositiveValues => magnitude,
                Presence.NegativeValues => -magnitude,
                _ => y[r] == 0 ? magnitude : -magnitude,
            };
            x[r] = row;
        }
        var data = Data.From(x, y, weights: Enumerable.Range(0, RowCount).Select(_ => 0.5 + 1.5 * random.NextDouble()).ToArray());
        var (_, g, h) = FirstRoundStatistics(data);
        var model = Fit(data, Options(leaves: 2));
        var all = Enumerable.Range(0, RowCount).ToArray();

        // Data precondition: class 0's best split separates rows by the presence (or sign) of feature 0.
        var classZero = Best(Candidates(data, all, g[0], h[0], MinLeaf));
        Assert.NotNull(classZero);
        Assert.Equal(0, classZero.Feature);
        if (presence == Presence.NegativeValues)
            Assert.Equal(data.X.Where(row => row[0] < 0).Max(row => row[0]), classZero.Threshold);
        else
            Assert.Equal(0f, classZero.Threshold);

        for (int c = 0; c < ClassCount; c++)
        {
            var candidates = Candidates(data, all, g[c], h[c], MinLeaf);
            var best = Best(candidates);
            Assert.NotNull(best);
            AssertClearWinner(best, candidates, $"class {c}");
            var tree = model.TreesOf(c)[0];
            Assert.Equal(best.Feature, tree.Feature[0]);
            Assert.Equal(best.Left, GoingLeft(tree, 0, all, data));
            Assert.Equal(Newton(best.Left, g[c], h[c]), tree.Value[tree.Left[0]], 1e-9);
            Assert.Equal(Newton(best.Right, g[c], h[c]), tree.Value[tree.Right[0]], 1e-9);
            Assert.Equal(best.Left.Length, tree.Cover[tree.Left[0]]);
        }
    }

    [Fact]
    public void Exactly_tied_splits_go_to_the_lower_feature_index()
    {
        // Features 1 and 4 are one column copied, and it separates class 0 from the others: the
        // two features' splits tie exactly, and the lower feature must win.
        var data = Data.Make(seed: 3, WeightKind.None, duplicateColumn: true);
        var (_, g, h) = FirstRoundStatistics(data);
        var model = Fit(data, Options(leaves: 2));

        var all = Enumerable.Range(0, RowCount).ToArray();
        var candidates = Candidates(data, all, g[0], h[0], MinLeaf);
        var best = Best(candidates);
        Assert.NotNull(best);
        Assert.Equal(1, best.Feature);
        var twin = Assert.Single(candidates, s => s.Feature == 4 && s.Left.SequenceEqual(best.Left));
        Assert.Equal(best.Gain, twin.Gain);
        var others = candidates.Where(s => !s.Left.SequenceEqual(best.Left)).ToList();
        Assert.True(others.Count == 0 || best.Gain - others.Max(s => s.Gain) > 1e-6, "data precondition: the copied column is the clear best");

        var tree = model.TreesOf(0)[0];
        Assert.Equal(1, tree.Feature[0]);
        Assert.Equal(best.Left, GoingLeft(tree, 0, all, data));
    }

    // ---------------------------------------------------------------- the brute force

    /// <summary>A split of a set of rows: rows whose value of <see cref="Feature"/> is ≤ <see cref="Threshold"/> go left.</summary>
    private sealed record Candidate(int Feature, float Threshold, int[] Left, int[] Right, double Gain);

    /// <summary>
    /// Every valid split of <paramref name="rows"/>, in (feature, threshold) order: each threshold
    /// is a distinct value of the feature among the rows except the largest, leaving ≥ minLeaf rows
    /// and ≥ MinHessian hessian on each side with a positive gain.
    /// </summary>
    private static List<Candidate> Candidates(Data data, int[] rows, double[] g, double[] h, int minLeaf)
    {
        double total = rows.Sum(r => g[r]), totalHessian = rows.Sum(r => h[r]);
        double parent = total * total / (totalHessian + Lambda);
        var found = new List<Candidate>();
        for (int f = 0; f < FeatureCount; f++)
        {
            var distinct = rows.Select(r => data.X[r][f]).Distinct().Order().ToArray();
            for (int k = 0; k + 1 < distinct.Length; k++)
            {
                float threshold = distinct[k];
                var left = rows.Where(r => data.X[r][f] <= threshold).ToArray();
                var right = rows.Where(r => data.X[r][f] > threshold).ToArray();
                if (left.Length < minLeaf || right.Length < minLeaf) continue;
                double gl = left.Sum(r => g[r]), hl = left.Sum(r => h[r]);
                double gr = right.Sum(r => g[r]), hr = right.Sum(r => h[r]);
                if (hl < MinHessian || hr < MinHessian) continue;
                double gain = gl * gl / (hl + Lambda) + gr * gr / (hr + Lambda) - parent;
                if (!(gain > 0)) continue;
                found.Add(new Candidate(f, threshold, left, right, gain));
            }
        }
        return found;
    }

    /// <summary>The highest gain; on an exact tie the earliest, i.e. the lowest feature, then the lowest threshold.</summary>
    private static Candidate? Best(List<Candidate> candidates)
    {
        Candidate? best = null;
        foreach (var s in candidates)
            if (best is null || s.Gain > best.Gain) best = s;
        return best;
    }

    /// <summary>
    /// A precondition on the data, not a check of the code: the winner must beat every other
    /// candidate by more than rounding, since sums in another order may differ in the last bits.
    /// </summary>
    private static void AssertClearWinner(Candidate best, List<Candidate> candidates, string where)
    {
        double runnerUp = candidates.Where(s => !ReferenceEquals(s, best)).Select(s => s.Gain).DefaultIfEmpty(double.NegativeInfinity).Max();
        Assert.True(best.Gain - runnerUp > 1e-9 * Math.Max(1, best.Gain),
            $"data precondition ({where}): best gain {best.Gain} is too close to {runnerUp}; pick another seed");
    }

    private static double Newton(int[] rows, double[] g, double[] h) =>
        -Eta * rows.Sum(r => g[r]) / (rows.Sum(r => h[r]) + Lambda);

    /// <summary>Base scores, and per class the gradient and hessian of every row, before the first tree.</summary>
    private static (double[] BaseScores, double[][] G, double[][] H) FirstRoundStatistics(Data data)
    {
        var mass = new double[ClassCount];
        double total = 0;
        for (int r = 0; r < RowCount; r++) { mass[data.Y[r]] += data.W[r]; total += data.W[r]; }
        // A class with no weight gets the documented floor of 1e-3 of an even share instead of log 0.
        var baseScores = mass.Select(m => Math.Log(Math.Max(m, 1e-3 * total / ClassCount) / total)).ToArray();

        double max = baseScores.Max();
        var e = baseScores.Select(b => Math.Exp(b - max)).ToArray();
        var p = e.Select(v => v / e.Sum()).ToArray();

        var g = new double[ClassCount][];
        var h = new double[ClassCount][];
        for (int c = 0; c < ClassCount; c++)
        {
            g[c] = new double[RowCount];
            h[c] = new double[RowCount];
            for (int r = 0; r < RowCount; r++)
            {
                double w = data.W[r];
                g[c][r] = w * (p[c] - (data.Y[r] == c ? 1 : 0));
                h[c][r] = Math.Max(w * p[c] * (1 - p[c]), 1e-16 * w);
            }
        }
        return (baseScores, g, h);
    }

    /// <summary>The rows among <paramref name="rows"/> that the tree's split at <paramref name="node"/> sends left, compared on raw values.</summary>
    private static int[] GoingLeft(RegressionTree tree, int node, int[] rows, Data data)
    {
        int feature = tree.Feature[node];
        float threshold = tree.Threshold[node];
        return rows.Where(r => data.X[r][feature] <= threshold).ToArray();
    }

    private static TreeEnsembleClassifier Fit(Data data, GradientBoostingOptions options) =>
        Assert.IsType<TreeEnsembleClassifier>(new GradientBoostingTrainer(options).Fit(data.Set));

    /// <summary>
    /// 40 rows, 3 classes of unequal size, 6 features: small integers of both signs with many ties;
    /// sparse positive quarter steps; sparse negative-only values; a feature present in only two rows
    /// (fewer than a leaf needs); dense continuous values of both signs; sparse half steps. A value of
    /// 0 is left out of the sparse row.
    /// </summary>
    private sealed class Data
    {
        public required float[][] X { get; init; }
        public required int[] Y { get; init; }
        public required double[] W { get; init; }
        public required TrainingSet Set { get; init; }

        public static Data Make(int seed, WeightKind weights, bool duplicateColumn = false)
        {
            var random = new Random(seed);
            var x = new float[RowCount][];
            var y = new int[RowCount];
            for (int r = 0; r < RowCount; r++)
            {
                double u = random.NextDouble();
                int label = u < 0.45 ? 0 : u < 0.75 ? 1 : 2;
                y[r] = label;
                var row = new float[FeatureCount];
                row[0] = random.Next(-2, 3) + (label == 0 ? 1 : 0);
                row[1] = random.NextDouble() < 0.5 ? 0f : (float)(Math.Round((random.NextDouble() + (label == 1 ? 0.6 : 0)) * 4) / 4);
                row[2] = random.NextDouble() < 0.4 ? 0f : -(float)(Math.Round((random.NextDouble() * 2 + (label == 2 ? 1 : 0)) * 10) / 10);
                row[3] = r is 7 or 23 ? 5f : 0f;
                row[4] = (float)(random.NextDouble() * 2 - 1 + (label == 0 ? 0.4 : 0));
                row[5] = random.NextDouble() < 0.33 ? 0f : (float)(Math.Round((random.NextDouble() * 2 + label) * 2) / 2);
                if (duplicateColumn)
                {
                    row[1] = label == 0 ? 2 + r % 3 : r % 2;
                    row[4] = row[1];
                }
                x[r] = row;
            }

            double[]? w = null;
            if (weights != WeightKind.None)
            {
                w = new double[RowCount];
                for (int r = 0; r < RowCount; r++)
                    w[r] = weights == WeightKind.Random ? 0.5 + 1.5 * random.NextDouble() : y[r] == ClassCount - 1 ? 0.0 : 1.0;
            }
            return From(x, y, w);
        }

        public static Data From(float[][] x, int[] y, double[]? weights)
        {
            foreach (var row in x)
                for (int f = 0; f < FeatureCount; f++)
                    if (row[f] == 0) row[f] = 0f; // no −0: a missing entry is +0
            var vectors = x.Select(row =>
            {
                var indices = Enumerable.Range(0, FeatureCount).Where(f => row[f] != 0).ToArray();
                return new SparseVector(indices, indices.Select(f => row[f]).ToArray());
            }).ToArray();
            var set = new TrainingSet(vectors, y, ["a", "b", "c"], FeatureCount, weights);
            Assert.All(Enumerable.Range(0, ClassCount), c => Assert.Contains(c, y));
            return new Data { X = x, Y = y, W = weights ?? Enumerable.Repeat(1.0, RowCount).ToArray(), Set = set };
        }
    }
}
