using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using StanceLab.Learning.MlNet;
using StanceLab.Learning.Trees;
using StanceLab.Tests.Conformance;

namespace StanceLab.Tests.Learning.Trees;

/// <summary>
/// StanceLab's copy of an ML.NET FastTree ensemble computes exactly what ML.NET computes: for
/// every row, bias plus the converted trees' leaf values equals ML.NET's own raw score, and every
/// node's cover is the weight of the training rows that pass through it.
/// </summary>
public sealed class FastTreeConversionTests
{
    [Fact]
    public void Converted_trees_reproduce_ml_nets_raw_score_on_every_row()
    {
        var data = ConformanceData.Separable(rowsPerClass: 30, withRowWeights: true);
        var rows = data.Features.Select(x => MlNetRows.ToVBuffer(x, data.FeatureCount)).ToArray();
        var ml = new MLContext(7);
        var view = MlNetRows.LoadOneVersusRest(ml, rows, data.Labels, 1, data.RowWeights!, data.FeatureCount);
        var transformer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = 12, NumberOfLeaves = 5, MinimumExampleCountPerLeaf = 2, ExampleWeightColumnName = MlNetRows.Weight, NumberOfThreads = 1,
        }).Fit(view);
        var ensemble = transformer.Model.SubModel.TrainedTreeEnsemble;
        var converted = ensemble.Trees.Select((t, i) => FastTreeTrainer.Convert(t, ensemble.TreeWeights[i], data.Features, data.RowWeights!.ToArray())).ToArray();
        var scores = transformer.Transform(view).GetColumn<float>("Score").ToArray();

        for (int i = 0; i < data.Count; i++)
        {
            var dense = new float[data.FeatureCount];
            var indices = data.Features[i].Indices;
            for (int t = 0; t < indices.Length; t++) dense[indices[t]] = data.Features[i].Values[t];
            double ours = ensemble.Bias + converted.Sum(tree => tree.Value[tree.LeafOf(dense)]);
            Assert.Equal(scores[i], ours, 4);
        }
        double totalWeight = data.RowWeights!.Sum();
        Assert.All(converted, tree => Assert.Equal(totalWeight, tree.Cover[0], 9));
        Assert.Contains(converted, tree => tree.NodeCount > 1);
    }
}
