using StanceLab.Data;
using StanceLab.Evaluation;
using StanceLab.Features;
using StanceLab.Learning.Trees;
using StanceLab.Modeling;
using StanceLab.Tests.Support;

namespace StanceLab.Tests.Evaluation;

public sealed class StackingEvaluationTests
{
    private static readonly TrainingOptions Options = new()
    {
        Trees = new GradientBoostingOptions { Rounds = 20, MinExamplesPerLeaf = 3 },
    };

    [Fact]
    public void The_linear_side_is_the_plain_grouped_cross_validation_of_the_same_folds()
    {
        var rows = SampleCorpus.Rows(sources: 6);

        var stacking = StackingEvaluation.Run(rows, Options, folds: 3, innerFolds: 2);
        var plain = CrossValidator.Run(rows, Options, folds: 3);

        Assert.Equal(["topic", "stance"], stacking.Heads.Select(h => h.Column));
        for (int h = 0; h < 2; h++)
        {
            Assert.Equal(plain.Reports[h].Accuracy, stacking.Heads[h].Linear.Accuracy, 12);
            Assert.Equal(plain.Reports[h].MacroF1, stacking.Heads[h].Linear.MacroF1, 12);
            Assert.Equal(plain.Reports[h].PerClass.Select(c => c.Support), stacking.Heads[h].Stacked.PerClass.Select(c => c.Support));
        }
    }

    [Fact]
    public void The_verdict_follows_macro_F1()
    {
        var rows = SampleCorpus.Rows(sources: 6);

        var result = StackingEvaluation.Run(rows, Options, folds: 3, innerFolds: 2);

        foreach (var head in result.Heads)
            Assert.Equal(head.Stacked.MacroF1 > head.Linear.MacroF1, head.StackedWins);
    }

    [Fact]
    public void The_same_seed_gives_the_same_result()
    {
        var rows = SampleCorpus.Rows(sources: 6);

        var a = StackingEvaluation.Run(rows, Options, folds: 3, innerFolds: 2);
        var b = StackingEvaluation.Run(rows, Options, folds: 3, innerFolds: 2);

        for (int h = 0; h < a.Heads.Count; h++)
        {
            Assert.Equal(a.Heads[h].Stacked.Accuracy, b.Heads[h].Stacked.Accuracy);
            Assert.Equal(a.Heads[h].Stacked.LogLoss, b.Heads[h].Stacked.LogLoss);
        }
    }

    [Fact]
    public void A_rows_position_counts_the_rows_of_its_own_source_before_it()
    {
        var labels = new Dictionary<string, string> { ["topic"] = "other", ["stance"] = "report" };
        LabelledSentence[] rows =
        [
            new("1", "a", "First of a.", labels),
            new("2", "b", "First of b.", labels),
            new("3", "a", "Second of a.", labels),
            new("4", "a", "Third of a.", labels),
        ];

        var meta = StackingEvaluation.MetaFeatures(rows);

        int position = SentenceMetaFeatures.Names.ToList().IndexOf("meta:position");
        int relative = SentenceMetaFeatures.Names.ToList().IndexOf("meta:relative-position");
        Assert.Equal([0f, 0f, 1f, 2f], meta.Select(m => m[position]));
        Assert.Equal([0f, 0f, 0.5f, 1f], meta.Select(m => m[relative]));
    }

    [Fact]
    public void Fewer_than_two_folds_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StackingEvaluation.Run(SampleCorpus.Rows(), Options, folds: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => StackingEvaluation.Run(SampleCorpus.Rows(), Options, folds: 3, innerFolds: 1));
    }
}
