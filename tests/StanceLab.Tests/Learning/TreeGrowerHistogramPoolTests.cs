using StanceLab.Data;
using StanceLab.Features;
using StanceLab.Learning.Trees;
using StanceLab.Modeling;
using StanceLab.Tests.Support;

namespace StanceLab.Tests.Learning;

/// <summary>Capping the histograms a grower keeps changes memory, not the tree: an evicted leaf rebuilds its histogram from its rows.</summary>
public sealed class TreeGrowerHistogramPoolTests
{
    [Fact]
    public void A_grower_keeping_two_histograms_grows_the_tree_that_one_keeping_all_of_them_grows()
    {
        var rows = TsvCorpusReader.Read(RepositoryPaths.SeedCorpus, TrainingOptions.DefaultLabelColumns);
        var texts = rows.Select(r => r.Text).ToArray();
        var featurizer = Featurizer.Fit(texts, new FeaturizerOptions());
        var vectors = ModelTrainer.Transform(featurizer, texts);
        var options = new GradientBoostingOptions { Leaves = 31, MinExamplesPerLeaf = 2 };
        var bins = BinnedFeatures.Build(vectors, featurizer.FeatureCount, options.MaxBins, options.MinExamplesPerLeaf);
        var labels = LabelSet.FromCorpus("stance", rows);
        var random = new Random(3);
        // Gradients of a first softmax round for one class: uneven, so many leaves are worth splitting.
        var gradients = rows.Select(r => labels.IdOf(r.Label("stance")) == 0 ? -0.75 : 0.25 + 0.01 * random.NextDouble()).ToArray();
        var hessians = gradients.Select(g => 0.1875 + 0.01 * Math.Abs(g)).ToArray();
        var sample = Enumerable.Range(0, rows.Count).ToArray();

        var (capped, cappedLeaves) = new TreeGrower(bins, options, maxLiveHistograms: 2).Grow(gradients, hessians, sample, null);
        var (roomy, roomyLeaves) = new TreeGrower(bins, options, maxLiveHistograms: 64).Grow(gradients, hessians, sample, null);

        Assert.True(roomy.LeafCount > 8, $"only {roomy.LeafCount} leaves: the pool was never full");
        Assert.Equal(roomy.Feature.ToArray(), capped.Feature.ToArray());
        Assert.Equal(roomy.Threshold.ToArray(), capped.Threshold.ToArray());
        Assert.Equal(roomy.Left.ToArray(), capped.Left.ToArray());
        Assert.Equal(roomy.Cover.ToArray(), capped.Cover.ToArray());
        for (int i = 0; i < roomy.NodeCount; i++) Assert.Equal(roomy.Value[i], capped.Value[i], 12);
        Assert.Equal(roomyLeaves, cappedLeaves);
    }
}
