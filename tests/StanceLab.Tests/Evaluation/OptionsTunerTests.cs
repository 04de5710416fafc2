using StanceLab.Evaluation;
using StanceLab.Features;
using StanceLab.Modeling;
using StanceLab.Tests.Support;

namespace StanceLab.Tests.Evaluation;

public class OptionsTunerTests
{
    private static readonly TrainingOptions Base = new() { Featurizer = new FeaturizerOptions { MinDocumentFrequency = 1 } };

    [Fact]
    public void The_grid_holds_every_combination_and_says_what_each_is()
    {
        var grid = OptionsTuner.Grid(Base, [1, 10], [1, 2], [(0, 0), (3, 5)]);

        Assert.Equal(8, grid.Count);
        Assert.Equal(8, grid.Select(g => g.Description).Distinct().Count());
        var plain = grid.Single(g => g.Description == "C=1, words 1-1, no chars").Options;
        Assert.Equal((1.0, 1, false), (plain.Linear.C, plain.Featurizer.MaxWordNgram, plain.Featurizer.UsesCharNgrams));
        Assert.True(grid.Single(g => g.Description == "C=10, words 1-2, chars 3-5").Options.Featurizer.UsesCharNgrams);
    }

    [Fact]
    public void Nb_weighting_is_a_dimension_of_the_grid_off_before_on()
    {
        var grid = OptionsTuner.Grid(Base, [1, 10], [1], [(0, 0)], [false, true]);

        Assert.Equal(["C=1, words 1-1, no chars", "C=10, words 1-1, no chars", "C=1, words 1-1, no chars, NB", "C=10, words 1-1, no chars, NB"],
            grid.Select(g => g.Description));
        Assert.Equal([false, false, true, true], grid.Select(g => g.Options.NaiveBayesWeighting));
        // Without the dimension, the base options' setting is kept.
        Assert.All(OptionsTuner.Grid(Base with { NaiveBayesWeighting = true }, [1], [1], [(0, 0)]), g => Assert.True(g.Options.NaiveBayesWeighting));
    }

    [Fact]
    public void Every_candidate_is_scored_on_the_same_folds_and_the_best_mean_macro_f1_wins()
    {
        var grid = OptionsTuner.Grid(Base, [0.01, 10], [1], [(0, 0)]);
        var results = OptionsTuner.Run(SampleCorpus.Rows(), grid, folds: 3);

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(r.Reports.Average(x => x.MacroF1), r.Score, 12));
        var best = OptionsTuner.Best(results);
        Assert.Equal(results.Max(r => r.Score), best.Score);
        // Heavy regularization (C = 0.01) cannot beat a sensible C on this data.
        Assert.Equal("C=10, words 1-1, no chars", best.Candidate.Description);
    }

    [Fact]
    public void Ties_go_to_the_earlier_candidate()
    {
        var grid = OptionsTuner.Grid(Base, [10, 10], [1], [(0, 0)]);
        var results = OptionsTuner.Run(SampleCorpus.Rows(), grid, folds: 3);
        Assert.Same(results[0], OptionsTuner.Best(results));
    }
}
