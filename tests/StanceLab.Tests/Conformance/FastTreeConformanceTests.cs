using StanceLab.Learning;
using StanceLab.Learning.Trees;

namespace StanceLab.Tests.Conformance;

/// <summary>
/// ML.NET FastTree heads pass the trainer battery. The battery's data has 10–15 rows per class,
/// so leaves may hold 2 rows.
/// </summary>
public sealed class FastTreeConformanceTests : TrainerConformanceTests
{
    protected override ITrainer CreateTrainer() =>
        new FastTreeTrainer(new FastTreeOptions { Trees = 40, MinExamplesPerLeaf = 2, Leaves = 4 });

    /// <summary>Besides every explanation, the trees themselves are identical node by node.</summary>
    protected override void AssertIdenticalParameters(IClassifier expected, IClassifier actual)
    {
        base.AssertIdenticalParameters(expected, actual);
        var a = Assert.IsType<TreeEnsembleClassifier>(expected);
        var b = Assert.IsType<TreeEnsembleClassifier>(actual);
        Assert.Equal(a.BaseScores.ToArray(), b.BaseScores.ToArray());
        Assert.Equal(a.Rounds, b.Rounds);
        for (int c = 0; c < a.Classes.Count; c++)
        {
            for (int t = 0; t < a.Rounds; t++)
            {
                var x = a.TreesOf(c)[t];
                var y = b.TreesOf(c)[t];
                Assert.Equal(x.Feature.ToArray(), y.Feature.ToArray());
                Assert.Equal(x.Threshold.ToArray(), y.Threshold.ToArray());
                Assert.Equal(x.Left.ToArray(), y.Left.ToArray());
                Assert.Equal(x.Right.ToArray(), y.Right.ToArray());
                Assert.Equal(x.Value.ToArray(), y.Value.ToArray());
                Assert.Equal(x.Cover.ToArray(), y.Cover.ToArray());
            }
        }
    }
}

/// <summary>The battery again with feature subsampling: FastTree's sampling must stay seeded.</summary>
public sealed class SubsampledFastTreeConformanceTests : TrainerConformanceTests
{
    protected override ITrainer CreateTrainer() =>
        new FastTreeTrainer(new FastTreeOptions { Trees = 40, MinExamplesPerLeaf = 2, Leaves = 4, FeatureFraction = 0.6 });
}
