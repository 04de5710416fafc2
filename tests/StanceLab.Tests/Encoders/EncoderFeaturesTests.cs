using StanceLab.Data;
using StanceLab.Encoders;
using StanceLab.Features;
using StanceLab.Modeling;
using StanceLab.Persistence;
using StanceLab.Scoring;
using StanceLab.Tests.Support;

namespace StanceLab.Tests.Encoders;

/// <summary>The encoder block in the featurizer, the model file and the explanations.</summary>
public sealed class EncoderFeaturesTests
{
    private static readonly Lazy<StanceModel> Model = new(() =>
        ModelTrainer.Train(TsvCorpusReader.ReadAll([RepositoryPaths.SeedCorpus], ["topic", "stance"]),
            new TrainingOptions { Featurizer = new FeaturizerOptions { Encoder = SentenceEncoderKind.MiniLm } }));

    [Fact]
    public void The_embedding_follows_the_ngrams_and_has_no_token_occurrences()
    {
        var featurizer = Model.Value.Featurizer;
        Assert.Equal(featurizer.NgramCount + 384, featurizer.FeatureCount);
        const string text = "Russia will send more weapons to Haftar.";
        var featurized = featurizer.Featurize(text);
        var fast = featurizer.Transform(text);
        Assert.True(fast.Indices.SequenceEqual(featurized.Vector.Indices));
        Assert.True(fast.Values.SequenceEqual(featurized.Vector.Values));
        var indices = featurized.Vector.Indices.ToArray();
        var encoderAt = Enumerable.Range(0, indices.Length).Where(i => featurizer.IsEncoderFeature(indices[i])).ToArray();
        Assert.True(encoderAt.Length > 300);
        Assert.All(encoderAt, i => Assert.Empty(featurized.Occurrences[i]));
        double norm = Math.Sqrt(encoderAt.Sum(i => (double)featurized.Vector.Values[i] * featurized.Vector.Values[i]));
        Assert.Equal(1.0, norm, 5);
        Assert.Equal("meaning:0", featurizer.FeatureName(featurizer.NgramCount));
    }

    [Fact]
    public void Base_plus_meaning_plus_tokens_is_the_logit_and_meaning_is_not_zero()
    {
        var score = new ArticleScorer(Model.Value).ScoreSentence("Analysts said weapons may flow to Haftar soon.");
        foreach (var p in score.Predictions)
        {
            Assert.NotEqual(0.0, p.Meaning);
            Assert.Equal(p.Logit, p.BaseValue + p.Meaning + p.Tokens.Sum(t => t.Contribution) + p.Absent.Sum(a => a.Contribution), 9);
        }
    }

    [Fact]
    public void A_model_with_an_encoder_saves_as_format_5_and_loads_to_the_same_predictions()
    {
        var bytes = ModelFile.ToBytes(Model.Value);
        Assert.Equal(5, BitConverter.ToUInt16(bytes, 8));
        var loaded = ModelFile.FromBytes(bytes, "test");
        Assert.Equal(SentenceEncoderKind.MiniLm, loaded.Featurizer.Options.Encoder);
        const string text = "The foreign ministers met in Cairo.";
        var a = new ArticleScorer(Model.Value).ScoreSentence(text).Predictions;
        var b = new ArticleScorer(loaded).ScoreSentence(text).Predictions;
        Assert.Equal(a.Select(p => p.Probability), b.Select(p => p.Probability));
        Assert.Equal(bytes, ModelFile.ToBytes(loaded));
    }

    [Fact]
    public void A_model_without_an_encoder_keeps_its_options_json_free_of_the_encoder()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new FeaturizerOptions(), ModelFile.Json);
        Assert.DoesNotContain("encoder", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Meaning_shares_are_computed_only_when_asked_and_are_the_drop_when_the_word_is_cut()
    {
        const string text = "Russia will send more weapons to Haftar.";
        Assert.All(new ArticleScorer(Model.Value).ScoreSentence(text).Predictions.SelectMany(p => p.Tokens), t => Assert.Null(t.MeaningShare));

        var asked = new ArticleScorer(Model.Value, meaningByWord: true).ScoreSentence(text).Predictions[0];
        var weapons = asked.Tokens.Single(t => t.Token == "weapons");
        // The sentence's n-grams with the embedding of the sentence without the word: the encoder
        // features' contributions to the same label sum to this much less.
        var featurizer = Model.Value.Featurizer;
        var head = Model.Value.Heads[0].Classifier;
        int label = head.Classes.ToList().IndexOf(asked.Label);
        var occluded = featurizer.WithEmbeddingOf(featurizer.Transform(text), "Russia will send more  to Haftar.");
        var explanation = head.Explain(occluded, label);
        var indices = occluded.Indices.ToArray();
        double meaningWithout = Enumerable.Range(0, indices.Length).Where(i => featurizer.IsEncoderFeature(indices[i])).Sum(i => explanation.Contributions[i].Contribution);
        Assert.Equal(asked.Meaning - meaningWithout, weapons.MeaningShare!.Value, 9);
        Assert.All(asked.Tokens, t => Assert.True(t.MeaningShare is { } m && double.IsFinite(m)));
        Assert.Contains(asked.Tokens, t => t.MeaningShare != 0);
    }
}
