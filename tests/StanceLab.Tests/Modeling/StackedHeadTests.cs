using StanceLab.Data;
using StanceLab.Learning;
using StanceLab.Learning.Linear;
using StanceLab.Learning.Trees;
using StanceLab.Modeling;
using StanceLab.Persistence;
using StanceLab.Scoring;
using StanceLab.Tests.Support;

namespace StanceLab.Tests.Modeling;

/// <summary>A stacked head: boosted trees over every head's linear probabilities and sentence cues, trained, saved, scored and explained.</summary>
public sealed class StackedHeadTests
{
    private static readonly TrainingOptions Options = new()
    {
        Trainers = new Dictionary<string, TrainerKind> { ["stance"] = TrainerKind.Stacked },
        Trees = new FastTreeOptions { Trees = 25, MinExamplesPerLeaf = 3 },
    };

    private static readonly Lazy<StanceModel> Model = new(() => ModelTrainer.Train(SampleCorpus.Rows(sources: 6), Options));

    [Fact]
    public void The_stacked_head_reads_every_heads_linear_probabilities_and_the_sentence_cues()
    {
        var head = Model.Value.Head("stance");

        Assert.True(head.IsStacked);
        Assert.False(Model.Value.Head("topic").IsStacked);
        var stacking = head.Stacking!;
        Assert.Equal(["topic", "stance"], stacking.Bases.Select(b => b.Column));
        Assert.All(stacking.Bases, b => Assert.IsType<LinearClassifier>(b.Classifier));
        Assert.Equal(stacking.Width, head.Classifier.FeatureCount);
        Assert.Contains("p(topic=conflict)", stacking.FeatureNames);
        Assert.Contains("meta:attribution-verbs", stacking.FeatureNames);
        Assert.IsType<TreeEnsembleClassifier>(head.Classifier);
    }

    [Fact]
    public void A_saved_stacked_model_loads_with_format_4_and_predicts_identically()
    {
        var bytes = ModelFile.ToBytes(Model.Value);
        var loaded = ModelFile.FromBytes(bytes, "stacked.model");

        Assert.Equal(4, BitConverter.ToUInt16(bytes, 8));
        Assert.Equal(bytes, ModelFile.ToBytes(loaded));
        var text = "Officials said the talks may resume next week.";
        var vector = Model.Value.Featurizer.Transform(text);
        var set = new LabelSet("stance", Model.Value.Metadata.LabelSets["stance"]);
        var context = new SentenceContext(2, 5);
        Assert.Equal(Model.Value.Head("stance").PredictOver(vector, text, context, set), loaded.Head("stance").PredictOver(vector, text, context, set));
    }

    [Fact]
    public void Training_twice_gives_the_same_bytes()
    {
        var again = ModelTrainer.Train(SampleCorpus.Rows(sources: 6), Options);

        Assert.Equal(ModelFile.ToBytes(Model.Value), ModelFile.ToBytes(again));
    }

    [Fact]
    public void A_stacked_prediction_is_explained_exactly_by_its_inputs_and_its_tokens_explain_the_linear_input()
    {
        var score = new ArticleScorer(Model.Value).Score("The army received new weapons. Officials said talks may resume next week. It is a welcome step.");

        foreach (var sentence in score.Sentences)
        {
            var stance = sentence.For("stance");
            Assert.True(stance.IsStacked);
            Assert.Equal(stance.Logit, stance.BaseValue + stance.Inputs.Sum(i => i.Contribution), 9);
            Assert.Empty(stance.Absent);

            var linear = Model.Value.Head("stance").Stacking!.Bases.Single(b => b.Column == "stance").Classifier;
            var explanation = linear.Explain(Model.Value.Featurizer.Transform(sentence.Sentence.Text), linear.Classes.ToList().IndexOf(stance.Label));
            Assert.Equal(explanation.Score - explanation.BaseValue, stance.Tokens.Sum(t => t.Contribution), 9);

            var topic = sentence.For("topic");
            Assert.False(topic.IsStacked);
            Assert.Equal(topic.Logit, topic.BaseValue + topic.Tokens.Sum(t => t.Contribution), 9);
        }
    }

    [Fact]
    public void The_stacked_input_knows_where_the_sentence_sits_in_its_article()
    {
        var head = Model.Value.Head("stance");
        var text = "Officials said the talks may resume next week.";
        var vector = Model.Value.Featurizer.Transform(text);

        var first = head.Input(vector, text, new SentenceContext(0, 10));
        var later = head.Input(vector, text, new SentenceContext(7, 10));

        int position = head.Stacking!.FeatureNames.ToList().IndexOf("meta:position");
        Assert.Equal(0f, Value(first, position));
        Assert.Equal(7f, Value(later, position));
        Assert.Equal(Value(first, 0), Value(later, 0));
    }

    [Fact]
    public void A_stacked_head_needs_at_least_two_sources()
    {
        var rows = SampleCorpus.Rows(sources: 1);

        var error = Assert.Throws<TrainingException>(() => ModelTrainer.Train(rows, Options));

        Assert.Contains("at least 2 sources", error.Message);
    }

    private static float Value(StanceLab.Features.SparseVector v, int index)
    {
        int at = v.Indices.IndexOf(index);
        return at < 0 ? 0f : v.Values[at];
    }
}
