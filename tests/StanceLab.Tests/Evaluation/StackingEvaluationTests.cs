using StanceLab.Data;
using StanceLab.Evaluation;
using StanceLab.Learning.Trees;
using StanceLab.Modeling;
using StanceLab.Tests.Support;

namespace StanceLab.Tests.Evaluation;

public sealed class StackingEvaluationTests
{
    private static readonly TrainingOptions Options = new()
    {
        Trees = new FastTreeOptions { Trees = 20, MinExamplesPerLeaf = 3 },
    };

    [Fact]
    public void Both_sides_are_scored_on_the_same_rows_of_every_head()
    {
        var rows = SampleCorpus.Rows(sources: 6);

        var result = StackingEvaluation.Run(rows, Options, folds: 3);

        Assert.Equal(["topic", "stance"], result.Heads.Select(h => h.Column));
        foreach (var head in result.Heads)
        {
            Assert.Equal(head.Linear.PerClass.Select(c => (c.Class, c.Support)), head.Stacked.PerClass.Select(c => (c.Class, c.Support)));
            Assert.Equal(rows.Count, head.Stacked.PerClass.Sum(c => c.Support));
        }
    }

    [Fact]
    public void The_verdict_follows_macro_F1()
    {
        var rows = SampleCorpus.Rows(sources: 6);

        var result = StackingEvaluation.Run(rows, Options, folds: 3);

        foreach (var head in result.Heads)
            Assert.Equal(head.Stacked.MacroF1 > head.Linear.MacroF1, head.StackedWins);
    }

    [Fact]
    public void The_same_seed_gives_the_same_result()
    {
        var rows = SampleCorpus.Rows(sources: 6);

        var a = StackingEvaluation.Run(rows, Options, folds: 3);
        var b = StackingEvaluation.Run(rows, Options, folds: 3);

        for (int h = 0; h < a.Heads.Count; h++)
        {
            Assert.Equal(a.Heads[h].Stacked.Accuracy, b.Heads[h].Stacked.Accuracy);
            Assert.Equal(a.Heads[h].Stacked.LogLoss, b.Heads[h].Stacked.LogLoss);
        }
    }

    [Fact]
    public void A_rows_context_counts_the_rows_of_its_own_source_before_it()
    {
        var labels = new Dictionary<string, string> { ["topic"] = "other", ["stance"] = "report" };
        LabelledSentence[] rows =
        [
            new("1", "a", "First of a.", labels),
            new("2", "b", "First of b.", labels),
            new("3", "a", "Second of a.", labels),
            new("4", "a", "Third of a.", labels),
        ];

        var contexts = SentenceContext.Of(rows);

        Assert.Equal([0, 0, 1, 2], contexts.Select(c => c.Position));
        Assert.Equal([3, 1, 3, 3], contexts.Select(c => c.SentenceCount));
    }

    [Fact]
    public void Fewer_than_two_folds_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StackingEvaluation.Run(SampleCorpus.Rows(), Options, folds: 1));
    }
}
