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
}
