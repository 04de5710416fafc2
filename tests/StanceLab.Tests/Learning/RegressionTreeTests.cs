using StanceLab.Learning.Trees;

namespace StanceLab.Tests.Learning;

/// <summary>A tree refuses node arrays that are not a tree, and an ensemble refuses uneven rounds, so a crafted model file cannot mislead TreeSHAP.</summary>
public sealed class RegressionTreeTests
{
    [Fact]
    public void A_node_with_two_parents_is_refused()
    {
        // Nodes 1 and 2 both point at node 3.
        int[] feature = [0, 1, 2, -1, -1, -1];
        int[] left = [1, 3, 3, 0, 0, 0];
        int[] right = [2, 4, 5, 0, 0, 0];

        var error = Assert.Throws<ArgumentException>(() => new RegressionTree(feature, new float[6], left, right, new double[6], [6, 3, 3, 1, 1, 1]));

        Assert.Contains("shares a child", error.Message);
    }

    [Fact]
    public void The_depth_of_a_proper_tree_is_its_longest_path()
    {
        // 0 → (1, 2); 2 → (3, 4); 4 → (5, 6)
        int[] feature = [0, -1, 1, -1, 2, -1, -1];
        int[] left = [1, 0, 3, 0, 5, 0, 0];
        int[] right = [2, 0, 4, 0, 6, 0, 0];

        var tree = new RegressionTree(feature, new float[7], left, right, new double[7], [8, 2, 6, 2, 4, 2, 2]);

        Assert.Equal(3, tree.MaxDepth);
        Assert.Equal(4, tree.LeafCount);
    }

    [Fact]
    public void An_ensemble_with_uneven_rounds_per_class_is_refused()
    {
        var leaf = RegressionTree.Leaf(0.1, 1);

        Assert.Throws<ArgumentException>(() => new TreeEnsembleClassifier(["a", "b"], 3, [0, 0], [[leaf, leaf], [leaf]]));
    }
}
