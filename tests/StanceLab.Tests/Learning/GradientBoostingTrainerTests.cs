using StanceLab.Data;
using StanceLab.Features;
using StanceLab.Learning;
using StanceLab.Learning.Trees;
using StanceLab.Modeling;
using StanceLab.Tests.Support;

namespace StanceLab.Tests.Learning;

/// <summary>What the boosted-trees trainer promises beyond the conformance battery: determinism on any core count, and early stopping on a grouped hold-out.</summary>
public sealed class GradientBoostingTrainerTests
{
    private static TrainingSet SeedCorpusStance(out IReadOnlyList<LabelledSentence> rows)
    {
        rows = TsvCorpusReader.Read(RepositoryPaths.SeedCorpus, TrainingOptions.DefaultLabelColumns);
        var featurizer = Featurizer.Fit(rows.Select(r => r.Text).ToArray(), new FeaturizerOptions());
        var labels = LabelSet.FromCorpus("stance", rows);
        var sources = rows.Select(r => r.Source).Distinct().ToList();
        return new TrainingSet(
            ModelTrainer.Transform(featurizer, rows.Select(r => r.Text).ToArray()),
            rows.Select(r => labels.IdOf(r.Label("stance"))).ToArray(),
            labels.Classes,
            featurizer.FeatureCount,
            groups: rows.Select(r => sources.IndexOf(r.Source)).ToArray());
    }

    [Fact]
    public void One_core_and_two_cores_grow_the_same_trees_on_real_text_features()
    {
        var data = SeedCorpusStance(out _);
        var options = new GradientBoostingOptions { Rounds = 15, MinExamplesPerLeaf = 3, RowSubsample = 0.8, FeatureSubsample = 0.5 };

        var one = (TreeEnsembleClassifier)new GradientBoostingTrainer(options with { MaxParallelism = 1 }).Fit(data);
        var two = (TreeEnsembleClassifier)new GradientBoostingTrainer(options with { MaxParallelism = 2 }).Fit(data);

        Assert.Equal(one.Rounds, two.Rounds);
        for (int c = 0; c < one.Classes.Count; c++)
            for (int t = 0; t < one.Rounds; t++)
            {
                Assert.Equal(one.TreesOf(c)[t].Feature.ToArray(), two.TreesOf(c)[t].Feature.ToArray());
                Assert.Equal(one.TreesOf(c)[t].Threshold.ToArray(), two.TreesOf(c)[t].Threshold.ToArray());
                Assert.Equal(one.TreesOf(c)[t].Value.ToArray(), two.TreesOf(c)[t].Value.ToArray());
            }
    }

    [Fact]
    public void A_different_seed_draws_different_samples()
    {
        var data = SeedCorpusStance(out _);
        var options = new GradientBoostingOptions { Rounds = 5, MinExamplesPerLeaf = 3, RowSubsample = 0.5, EarlyStoppingRounds = 0 };

        var a = (TreeEnsembleClassifier)new GradientBoostingTrainer(options with { Seed = 1 }).Fit(data);
        var b = (TreeEnsembleClassifier)new GradientBoostingTrainer(options with { Seed = 2 }).Fit(data);

        Assert.NotEqual(a.TreesOf(0)[0].Value.ToArray(), b.TreesOf(0)[0].Value.ToArray());
    }

    [Fact]
    public void The_hold_out_keeps_every_group_on_one_side_and_takes_about_the_asked_share()
    {
        var data = SeedCorpusStance(out _);
        var trainer = new GradientBoostingTrainer(new GradientBoostingOptions { ValidationFraction = 0.3 });

        var (train, heldOut) = trainer.HoldOut(data, data.Labels.ToArray(), Enumerable.Repeat(1.0, data.Count).ToArray());

        Assert.Equal(data.Count, train.Length + heldOut.Length);
        Assert.Empty(train.Select(i => data.Groups![i]).Intersect(heldOut.Select(i => data.Groups![i])));
        Assert.NotEmpty(heldOut);
        Assert.InRange(heldOut.Length, 1, data.Count / 2);
    }

    [Fact]
    public void Without_groups_the_hold_out_is_stratified_by_class()
    {
        var data = SeedCorpusStance(out _) is var d ? new TrainingSet(d.Features, d.Labels, d.Classes, d.FeatureCount) : null!;
        var trainer = new GradientBoostingTrainer(new GradientBoostingOptions { ValidationFraction = 0.2 });

        var (_, heldOut) = trainer.HoldOut(data, data.Labels.ToArray(), Enumerable.Repeat(1.0, data.Count).ToArray());

        var counts = data.ClassCounts();
        for (int c = 0; c < data.Classes.Count; c++)
            Assert.Equal((int)Math.Round(0.2 * counts[c]), heldOut.Count(i => data.Labels[i] == c));
    }

    [Fact]
    public void Early_stopping_keeps_the_rounds_up_to_the_best_held_out_loss_and_says_so()
    {
        // Labels that no feature predicts: the held-out loss is best after very few rounds.
        var random = new Random(7);
        var rows = Enumerable.Range(0, 300).Select(_ => new SparseVector([random.Next(0, 5), 5 + random.Next(0, 5)], [1f, (float)random.NextDouble()])).ToArray();
        var data = new TrainingSet(rows, rows.Select(_ => random.Next(3)).ToArray(), ["a", "b", "c"], 10);
        var reports = new List<TrainingProgress>();

        var model = (TreeEnsembleClassifier)new GradientBoostingTrainer(new GradientBoostingOptions { Rounds = 200, EarlyStoppingRounds = 10, MinExamplesPerLeaf = 2 })
            .Fit(data, new SynchronousProgress<TrainingProgress>(reports.Add));

        var last = reports[^1];
        Assert.True(last.Finished);
        Assert.StartsWith("early stopping", last.Stop);
        Assert.Equal(model.Rounds, last.Iteration);
        Assert.True(model.Rounds < 100, $"kept {model.Rounds} rounds");
        Assert.Equal(model.Rounds + 10, reports.Count(r => !r.Finished));
    }

    [Fact]
    public void With_early_stopping_off_every_round_is_kept()
    {
        var data = SeedCorpusStance(out _);

        var model = (TreeEnsembleClassifier)new GradientBoostingTrainer(new GradientBoostingOptions { Rounds = 7, EarlyStoppingRounds = 0, MinExamplesPerLeaf = 3 }).Fit(data);

        Assert.Equal(7, model.Rounds);
    }

    [Theory]
    [InlineData(nameof(GradientBoostingOptions.Rounds), 0)]
    [InlineData(nameof(GradientBoostingOptions.Leaves), 1)]
    [InlineData(nameof(GradientBoostingOptions.MaxBins), 2)]
    [InlineData(nameof(GradientBoostingOptions.MinExamplesPerLeaf), 0)]
    public void Options_out_of_range_are_refused_by_name(string name, int value)
    {
        var options = name switch
        {
            nameof(GradientBoostingOptions.Rounds) => new GradientBoostingOptions { Rounds = value },
            nameof(GradientBoostingOptions.Leaves) => new GradientBoostingOptions { Leaves = value },
            nameof(GradientBoostingOptions.MaxBins) => new GradientBoostingOptions { MaxBins = value },
            _ => new GradientBoostingOptions { MinExamplesPerLeaf = value },
        };

        var error = Assert.ThrowsAny<ArgumentException>(() => new GradientBoostingTrainer(options));
        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void A_non_finite_feature_value_fails_with_a_training_exception_that_names_the_row()
    {
        var data = SeedCorpusStance(out _);
        var rows = data.Features.ToArray();
        rows[5] = new SparseVector([1, 3], [0.5f, float.NaN]);
        var bad = new TrainingSet(rows, data.Labels, data.Classes, data.FeatureCount);

        var error = Assert.Throws<TrainingException>(() => new GradientBoostingTrainer(new GradientBoostingOptions { Rounds = 2 }).Fit(bad));

        Assert.Contains("Row 5: feature 3", error.Message);
    }

    [Fact]
    public void The_hold_out_never_takes_every_row_of_a_class()
    {
        // One class lives in a single group: holding that group out would leave the class untrained.
        var data = SeedCorpusStance(out _);
        var groups = data.Labels.Select(y => y == 0 ? 1000 : 0).Select((g, i) => g == 1000 ? g : i).ToArray();
        var grouped = new TrainingSet(data.Features, data.Labels, data.Classes, data.FeatureCount, groups: groups);
        var trainer = new GradientBoostingTrainer(new GradientBoostingOptions { ValidationFraction = 0.3 });

        for (int seed = 0; seed < 20; seed++)
        {
            var (train, _) = new GradientBoostingTrainer(trainer.Options with { Seed = seed }).HoldOut(grouped, data.Labels.ToArray(), Enumerable.Repeat(1.0, data.Count).ToArray());
            Assert.Contains(train, i => data.Labels[i] == 0);
        }
    }

    [Fact]
    public void One_large_group_does_not_swallow_the_training_data()
    {
        var data = SeedCorpusStance(out _);
        // Most rows in one group, the rest alone.
        var groups = Enumerable.Range(0, data.Count).Select(i => i < data.Count * 3 / 4 ? 0 : i).ToArray();
        var grouped = new TrainingSet(data.Features, data.Labels, data.Classes, data.FeatureCount, groups: groups);

        for (int seed = 0; seed < 20; seed++)
        {
            var (train, heldOut) = new GradientBoostingTrainer(new GradientBoostingOptions { Seed = seed }).HoldOut(grouped, data.Labels.ToArray(), Enumerable.Repeat(1.0, data.Count).ToArray());
            Assert.True(heldOut.Length <= 2 * Math.Round(0.1 * data.Count), $"seed {seed}: held out {heldOut.Length} of {data.Count}");
        }
    }
}
