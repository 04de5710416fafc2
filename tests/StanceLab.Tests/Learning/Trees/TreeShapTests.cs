using StanceLab.Features;
using StanceLab.Learning;
using StanceLab.Learning.Trees;
using StanceLab.Numerics;

namespace StanceLab.Tests.Learning.Trees;

/// <summary>
/// TreeSHAP against the definition. For a tree using the features F, the value of a set S ⊆ F is
/// the path-dependent expectation v(S): at a split on a feature in S follow the row, at any other
/// split average both children weighted by Cover[child]/Cover[node]. The Shapley value of i is
/// φ_i = Σ_{S ⊆ F∖{i}} |S|!(|F|−|S|−1)!/|F|! · (v(S ∪ {i}) − v(S)), computed here by enumerating
/// every subset, which is feasible for trees of at most 8 features.
/// </summary>
public class TreeShapTests
{
    private const double Tolerance = 1e-10;

    // ---------------------------------------------------------------- hand-built trees

    /// <summary>(feature, threshold, left, right, value, cover); a leaf has feature −1 and its cover, an internal node's cover is its children's sum.</summary>
    private static RegressionTree Tree(params (int Feature, float Threshold, int Left, int Right, double Value, double Cover)[] nodes)
    {
        var cover = nodes.Select(n => n.Cover).ToArray();
        for (int i = nodes.Length - 1; i >= 0; i--)
            if (nodes[i].Feature >= 0) cover[i] = cover[nodes[i].Left] + cover[nodes[i].Right];
        return new RegressionTree(
            nodes.Select(n => n.Feature).ToArray(),
            nodes.Select(n => n.Threshold).ToArray(),
            nodes.Select(n => n.Feature < 0 ? 0 : n.Left).ToArray(),
            nodes.Select(n => n.Feature < 0 ? 0 : n.Right).ToArray(),
            nodes.Select(n => n.Value).ToArray(),
            cover);
    }

    /// <summary>Splits on 0, 1, 0 again, 1 again along its deepest path (depth 4).</summary>
    private static RegressionTree SameFeaturesTwiceAlongAPath() => Tree(
        (0, 0.5f, 1, 2, 0, 0),       // 0
        (1, -1f, 3, 4, 0, 0),        // 1
        (-1, 0, 0, 0, 2.0, 30),      // 2
        (0, -0.5f, 5, 6, 0, 0),      // 3: feature 0 again
        (2, 2f, 7, 8, 0, 0),         // 4
        (-1, 0, 0, 0, -1.5, 7),      // 5
        (1, -3f, 9, 10, 0, 0),       // 6: feature 1 again
        (-1, 0, 0, 0, 0.25, 11),     // 7
        (-1, 0, 0, 0, -0.75, 4),     // 8
        (-1, 0, 0, 0, 3.0, 3),       // 9
        (-1, 0, 0, 0, -2.0, 5));     // 10

    /// <summary>A lopsided chain of depth 6 whose spine turns left and right, splitting on 3, 0, 3, 2, 1, 0; every cover positive.</summary>
    private static RegressionTree UnbalancedChain() => Tree(
        (3, 1f, 1, 2, 0, 0),         // 0
        (-1, 0, 0, 0, 0.8, 50),      // 1
        (0, 0f, 3, 4, 0, 0),         // 2
        (3, -2f, 5, 6, 0, 0),        // 3: feature 3 again
        (-1, 0, 0, 0, -3.5, 3),      // 4
        (-1, 0, 0, 0, 1.25, 20),     // 5
        (2, 0.5f, 7, 8, 0, 0),       // 6
        (1, 0f, 9, 10, 0, 0),        // 7
        (-1, 0, 0, 0, -0.5, 9),      // 8
        (-1, 0, 0, 0, 4.0, 1),       // 9
        (0, -1f, 11, 12, 0, 0),      // 10: feature 0 again
        (-1, 0, 0, 0, -2.25, 6),     // 11
        (-1, 0, 0, 0, 0.125, 2));    // 12

    /// <summary>One feature three times along a path, with another feature below it on both sides.</summary>
    private static RegressionTree OneFeatureThreeTimes() => Tree(
        (5, 0f, 1, 2, 0, 0),         // 0
        (5, -1f, 3, 4, 0, 0),        // 1
        (5, 1f, 5, 6, 0, 0),         // 2
        (4, 0f, 7, 8, 0, 0),         // 3
        (-1, 0, 0, 0, 1.0, 12),      // 4
        (5, 0.5f, 9, 10, 0, 0),      // 5: third split on 5 along 0 → 2 → 5
        (4, 2f, 11, 12, 0, 0),       // 6
        (-1, 0, 0, 0, -1.0, 4),      // 7
        (-1, 0, 0, 0, 2.5, 6),       // 8
        (-1, 0, 0, 0, 0.5, 8),       // 9
        (-1, 0, 0, 0, -0.25, 3),     // 10
        (-1, 0, 0, 0, 1.75, 10),     // 11
        (-1, 0, 0, 0, -4.0, 1));     // 12

    public static TheoryData<string> HandBuiltTrees => ["same features twice", "unbalanced chain", "one feature three times"];

    private static RegressionTree HandBuilt(string name) => name switch
    {
        "same features twice" => SameFeaturesTwiceAlongAPath(),
        "unbalanced chain" => UnbalancedChain(),
        "one feature three times" => OneFeatureThreeTimes(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Fact]
    public void The_hand_built_trees_have_the_shapes_they_are_meant_to_have()
    {
        Assert.True(SameFeaturesTwiceAlongAPath().MaxDepth >= 4);
        Assert.Equal(6, UnbalancedChain().MaxDepth);
        foreach (var tree in new[] { SameFeaturesTwiceAlongAPath(), UnbalancedChain(), OneFeatureThreeTimes() })
            Assert.All(tree.Cover.ToArray(), c => Assert.True(c > 0));
    }

    [Theory]
    [MemberData(nameof(HandBuiltTrees))]
    public void Attributions_of_a_hand_built_tree_are_the_exact_Shapley_values_of_the_path_dependent_expectation(string name)
    {
        var tree = HandBuilt(name);
        var random = new Random(name.Length * 7919);
        for (int n = 0; n < 300; n++)
            AssertExactShapley(tree, RandomRow(random, 6));
    }

    [Fact]
    public void Attributions_of_random_trees_with_repeated_features_are_the_exact_Shapley_values()
    {
        var random = new Random(2024);
        for (int t = 0; t < 40; t++)
        {
            var tree = RandomTree(random, maxDepth: 2 + t % 5, featurePool: 3 + t % 6);
            for (int n = 0; n < 25; n++)
                AssertExactShapley(tree, RandomRow(random, 8));
        }
    }

    [Fact]
    public void Attributions_of_trees_from_a_trained_ensemble_are_the_exact_Shapley_values()
    {
        var (model, data) = TrainedEnsemble();
        var random = new Random(17);
        int checkedTrees = 0;
        for (int c = 0; c < model.Classes.Count; c++)
        {
            foreach (var tree in model.TreesOf(c))
            {
                if (tree.IsLeaf(0)) continue;
                checkedTrees++;
                foreach (var row in data.Features.Take(15))
                    AssertExactShapley(tree, Dense(row, data.FeatureCount));
                for (int n = 0; n < 15; n++)
                    AssertExactShapley(tree, RandomRow(random, data.FeatureCount));
            }
        }
        Assert.True(checkedTrees >= 10, $"only {checkedTrees} trees split");
    }

    [Fact]
    public void A_single_leaf_tree_attributes_nothing_and_its_expected_value_is_its_value()
    {
        var leaf = RegressionTree.Leaf(1.5, 12);
        var phi = new Dictionary<int, double>();
        TreeShap.Accumulate(leaf, new float[3], phi);
        Assert.Empty(phi);
        Assert.Equal(1.5, leaf.ExpectedValue);
    }

    [Fact]
    public void Accumulate_adds_to_the_attributions_already_in_the_dictionary()
    {
        var tree = SameFeaturesTwiceAlongAPath();
        float[] row = [-0.25f, -2f, 3f];
        var alone = new Dictionary<int, double>();
        TreeShap.Accumulate(tree, row, alone);

        var phi = new Dictionary<int, double> { [0] = 10.0, [2] = -1.0, [99] = 7.0 };
        TreeShap.Accumulate(tree, row, phi);
        Assert.Equal(10.0 + alone[0], phi[0], 1e-12);
        Assert.Equal(alone[1], phi[1], 1e-12);
        Assert.Equal(-1.0 + alone[2], phi[2], 1e-12);
        Assert.Equal(7.0, phi[99]);
    }

    // ---------------------------------------------------------------- the ensemble's explanations

    [Fact]
    public void Every_class_explanation_adds_up_to_the_logit_whose_softmax_is_the_prediction()
    {
        var (model, data) = TrainedEnsemble();
        int features = model.FeatureCount;
        int k = model.Classes.Count;
        Assert.Equal(3, k);
        var random = new Random(99);

        var rows = new List<SparseVector>(data.Features.Take(25))
        {
            SparseVector.Empty,
            new([features, features + 1, features + 7], [1f, -2f, 0.5f]),
        };
        for (int n = 0; n < 25; n++)
            rows.Add(RandomSparseRow(random, features, unknownFeatures: n % 3 == 0));

        var scores = new double[k];
        var softmax = new double[k];
        var predicted = new double[k];
        foreach (var row in rows)
        {
            var dense = Dense(row, features);
            for (int c = 0; c < k; c++)
            {
                var e = model.Explain(row, c);
                Assert.Equal(c, e.ClassIndex);

                // Contributions are parallel to the row's entries.
                Assert.Equal(row.Count, e.Contributions.Count);
                for (int i = 0; i < row.Count; i++)
                    Assert.Equal(row.Indices[i], e.Contributions[i].Feature);

                // Absent contributions name features the row lacks, once each.
                var inRow = row.Indices.ToArray().ToHashSet();
                Assert.All(e.AbsentContributions, a => Assert.DoesNotContain(a.Feature, inRow));
                Assert.Equal(e.AbsentContributions.Count, e.AbsentContributions.Select(a => a.Feature).Distinct().Count());

                Assert.Equal(e.Score, e.BaseValue + e.Contributions.Sum(f => f.Contribution) + e.AbsentContributions.Sum(f => f.Contribution), 1e-9);

                // Independently: the logit is the base score plus every tree's leaf, the base value the
                // base score plus every tree's cover-weighted mean leaf, and each feature's attribution
                // the sum over trees of its brute-force Shapley value.
                var trees = model.TreesOf(c);
                Assert.Equal(model.BaseScores[c] + trees.Sum(t => t.Value[Walk(t, dense)]), e.Score, 1e-12);
                Assert.Equal(model.BaseScores[c] + trees.Sum(MeanLeaf), e.BaseValue, 1e-12);
                var expected = new Dictionary<int, double>();
                foreach (var tree in trees)
                    foreach (var (f, phi) in BruteForceShapley(tree, dense))
                        expected[f] = expected.GetValueOrDefault(f) + phi;
                foreach (var contribution in e.Contributions.Concat(e.AbsentContributions))
                    Assert.Equal(expected.GetValueOrDefault(contribution.Feature), contribution.Contribution, 1e-9);
                foreach (var (f, phi) in expected)
                    if (!inRow.Contains(f) && Math.Abs(phi) > 1e-9)
                        Assert.Contains(e.AbsentContributions, a => a.Feature == f);

                scores[c] = e.Score;
            }
            SoftmaxMath.Softmax(scores, softmax);
            model.PredictProbabilities(row, predicted);
            for (int c = 0; c < k; c++)
                Assert.Equal(softmax[c], predicted[c], 1e-12);
        }
    }

    [Fact]
    public void A_row_of_unknown_features_is_explained_like_the_empty_row_with_zero_contributions()
    {
        var (model, _) = TrainedEnsemble();
        var unknown = new SparseVector([model.FeatureCount, model.FeatureCount + 3], [2f, -1f]);
        for (int c = 0; c < model.Classes.Count; c++)
        {
            var empty = model.Explain(SparseVector.Empty, c);
            var e = model.Explain(unknown, c);
            Assert.Empty(empty.Contributions);
            Assert.Equal([model.FeatureCount, model.FeatureCount + 3], e.Contributions.Select(f => f.Feature));
            Assert.All(e.Contributions, f => Assert.Equal(0.0, f.Contribution));
            Assert.Equal(empty.Score, e.Score);
            Assert.Equal(empty.BaseValue, e.BaseValue);
            Assert.Equal(empty.AbsentContributions, e.AbsentContributions);
            // The trees do split on zeros, so the empty row's score is explained by absences.
            Assert.NotEmpty(empty.AbsentContributions);
        }
    }

    // ---------------------------------------------------------------- brute force and helpers

    private static void AssertExactShapley(RegressionTree tree, float[] row)
    {
        var expected = BruteForceShapley(tree, row);
        var phi = new Dictionary<int, double>();
        TreeShap.Accumulate(tree, row, phi);

        Assert.All(phi.Keys, f => Assert.True(expected.ContainsKey(f), $"feature {f} is not used by the tree"));
        foreach (var (f, value) in expected)
            Assert.Equal(value, phi.GetValueOrDefault(f), Tolerance);

        Assert.Equal(MeanLeaf(tree), tree.ExpectedValue, Tolerance);
        Assert.Equal(tree.Value[Walk(tree, row)], phi.Values.Sum() + tree.ExpectedValue, Tolerance);
    }

    /// <summary>φ of every feature the tree splits on, by enumerating all subsets.</summary>
    private static Dictionary<int, double> BruteForceShapley(RegressionTree tree, float[] row)
    {
        var features = Enumerable.Range(0, tree.NodeCount).Where(n => !tree.IsLeaf(n)).Select(n => tree.Feature[n]).Distinct().Order().ToArray();
        int m = features.Length;
        Assert.True(m <= 8, $"the brute force is for at most 8 features, the tree uses {m}");
        var v = new double[1 << m];
        for (int mask = 0; mask < v.Length; mask++)
        {
            var known = new HashSet<int>(Enumerable.Range(0, m).Where(b => (mask >> b & 1) != 0).Select(b => features[b]));
            v[mask] = PathExpectation(tree, 0, row, known);
        }

        var factorial = new double[m + 1];
        factorial[0] = 1;
        for (int i = 1; i <= m; i++) factorial[i] = factorial[i - 1] * i;

        var phi = new Dictionary<int, double>();
        for (int i = 0; i < m; i++)
        {
            double sum = 0;
            for (int mask = 0; mask < v.Length; mask++)
            {
                if ((mask >> i & 1) != 0) continue;
                int size = System.Numerics.BitOperations.PopCount((uint)mask);
                sum += factorial[size] * factorial[m - size - 1] / factorial[m] * (v[mask | 1 << i] - v[mask]);
            }
            phi[features[i]] = sum;
        }
        return phi;
    }

    /// <summary>v(S): follow the row at splits on known features, average by cover elsewhere.</summary>
    private static double PathExpectation(RegressionTree tree, int node, float[] row, HashSet<int> known)
    {
        if (tree.IsLeaf(node)) return tree.Value[node];
        int f = tree.Feature[node], left = tree.Left[node], right = tree.Right[node];
        if (known.Contains(f))
            return PathExpectation(tree, row[f] <= tree.Threshold[node] ? left : right, row, known);
        return (tree.Cover[left] * PathExpectation(tree, left, row, known)
            + tree.Cover[right] * PathExpectation(tree, right, row, known)) / tree.Cover[node];
    }

    private static double MeanLeaf(RegressionTree tree)
    {
        double sum = 0;
        for (int n = 0; n < tree.NodeCount; n++)
            if (tree.IsLeaf(n)) sum += tree.Value[n] * tree.Cover[n];
        return sum / tree.Cover[0];
    }

    private static int Walk(RegressionTree tree, float[] row)
    {
        int node = 0;
        while (!tree.IsLeaf(node))
            node = row[tree.Feature[node]] <= tree.Threshold[node] ? tree.Left[node] : tree.Right[node];
        return node;
    }

    private static float[] Dense(SparseVector row, int featureCount)
    {
        var dense = new float[featureCount];
        for (int i = 0; i < row.Count; i++)
            if (row.Indices[i] < featureCount) dense[row.Indices[i]] = row.Values[i];
        return dense;
    }

    /// <summary>Quarter steps in [−4, 4], which hit the hand-built thresholds exactly now and then; a third of the values are 0.</summary>
    private static float[] RandomRow(Random random, int length)
    {
        var row = new float[length];
        for (int i = 0; i < length; i++)
            row[i] = random.NextDouble() < 0.33 ? 0f : random.Next(-16, 17) / 4f;
        return row;
    }

    private static SparseVector RandomSparseRow(Random random, int featureCount, bool unknownFeatures)
    {
        var indices = new List<int>();
        var values = new List<float>();
        for (int j = 0; j < featureCount; j++)
        {
            if (random.NextDouble() < 0.5) continue;
            float v = (float)Math.Round(random.NextDouble() * 6 - 3, 1);
            indices.Add(j);
            values.Add(v == 0 ? 1f : v);
        }
        if (unknownFeatures)
        {
            indices.Add(featureCount + 2);
            values.Add(4f);
        }
        return new SparseVector(indices.ToArray(), values.ToArray());
    }

    /// <summary>A random tree, nodes numbered in pre-order; features from a small pool so they repeat along paths.</summary>
    private static RegressionTree RandomTree(Random random, int maxDepth, int featurePool)
    {
        var feature = new List<int>();
        var threshold = new List<float>();
        var left = new List<int>();
        var right = new List<int>();
        var value = new List<double>();
        var cover = new List<double>();
        Grow(0);
        return new RegressionTree([.. feature], [.. threshold], [.. left], [.. right], [.. value], [.. cover]);

        int Grow(int depth)
        {
            int node = feature.Count;
            feature.Add(-1); threshold.Add(0); left.Add(0); right.Add(0); value.Add(0); cover.Add(0);
            if (depth == 0 || (depth < maxDepth && random.NextDouble() < 0.75))
            {
                feature[node] = random.Next(featurePool);
                threshold[node] = random.Next(-6, 7) / 2f;
                left[node] = Grow(depth + 1);
                right[node] = Grow(depth + 1);
                cover[node] = cover[left[node]] + cover[right[node]];
            }
            else
            {
                value[node] = Math.Round(random.NextDouble() * 8 - 4, 3);
                cover[node] = random.Next(1, 30);
            }
            return node;
        }
    }

    /// <summary>
    /// Three classes over 12 features of both signs, sparse, with the class in a few of them; at
    /// most 8 leaves per tree, so a tree uses at most 7 features.
    /// </summary>
    private static (TreeEnsembleClassifier Model, TrainingSet Data) TrainedEnsemble()
    {
        const int rows = 150, features = 12;
        var random = new Random(7);
        var vectors = new SparseVector[rows];
        var labels = new int[rows];
        for (int r = 0; r < rows; r++)
        {
            int label = random.Next(3);
            labels[r] = label;
            var indices = new List<int>();
            var values = new List<float>();
            for (int j = 0; j < features; j++)
            {
                double x = random.NextDouble() * 4 - 2;
                if (j == label) x += 1.5;
                if (j == 3 + label) x -= 1.5;
                if (random.NextDouble() < 0.35) continue; // missing: value 0
                float v = (float)Math.Round(x, 2);
                if (v == 0) continue;
                indices.Add(j);
                values.Add(v);
            }
            vectors[r] = new SparseVector(indices.ToArray(), values.ToArray());
        }
        var data = new TrainingSet(vectors, labels, ["x", "y", "z"], features);
        var options = new FastTreeOptions { Trees = 8, Leaves = 8, MinExamplesPerLeaf = 4, LearningRate = 0.3, Seed = 3 };
        return (Assert.IsType<TreeEnsembleClassifier>(new FastTreeTrainer(options).Fit(data)), data);
    }
}
