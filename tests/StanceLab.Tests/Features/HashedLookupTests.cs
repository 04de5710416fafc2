using StanceLab.Data;
using StanceLab.Features;
using StanceLab.Tests.Support;

namespace StanceLab.Tests.Features;

/// <summary>The fast path looks features up by 64-bit rolling hash; it must give exactly the vectors of the exact (dictionary) path.</summary>
public class HashedLookupTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Hashed_transform_equals_the_exact_featurization_on_the_whole_shipped_corpus(bool acrossWords)
    {
        var files = Directory.GetFiles(RepositoryPaths.TrainingData, "*.tsv").Order(StringComparer.Ordinal).ToArray();
        var texts = TsvCorpusReader.ReadAll(files, ["topic"]).Select(r => r.Text).ToArray();
        var featurizer = Featurizer.Fit(texts, new FeaturizerOptions { MinDocumentFrequency = 1, CharNgramsAcrossWords = acrossWords });

        foreach (var text in texts)
        {
            var fast = featurizer.Transform(text);
            var exact = featurizer.Featurize(text).Vector;
            Assert.True(fast.Indices.SequenceEqual(exact.Indices), text);
            Assert.True(fast.Values.SequenceEqual(exact.Values), text);
        }
    }

    [Fact]
    public void Rolling_hashes_equal_hashes_of_the_whole_key()
    {
        ulong rolled = NgramHash.WordSeed;
        foreach (var c in "russian military") rolled = NgramHash.Step(rolled, c);
        Assert.Equal(NgramHash.Of("russian military", NgramHash.WordSeed), rolled);
        Assert.NotEqual(NgramHash.Of("rus", NgramHash.WordSeed), NgramHash.Of("rus", NgramHash.CharSeed));
    }

    [Fact]
    public void The_table_finds_what_was_added_and_nothing_else_and_refuses_a_key_twice()
    {
        var table = new NgramHashTable(1000);
        for (int i = 0; i < 1000; i++) table.Add(NgramHash.Of($"key{i}", NgramHash.WordSeed), i, $"key{i}");

        for (int i = 0; i < 1000; i++)
        {
            Assert.True(table.TryGet(NgramHash.Of($"key{i}", NgramHash.WordSeed), out int id));
            Assert.Equal(i, id);
        }
        Assert.False(table.TryGet(NgramHash.Of("absent", NgramHash.WordSeed), out _));
        var error = Assert.Throws<ArgumentException>(() => table.Add(NgramHash.Of("key7", NgramHash.WordSeed), 5000, "other"));
        Assert.Contains("same 64-bit hash", error.Message);
    }
}

/// <summary>Character n-grams across words: they span the space between words and name the tokens they cover.</summary>
public class CharNgramsAcrossWordsTests
{
    [Fact]
    public void A_spanning_ngram_is_a_feature_that_covers_both_words_and_in_word_mode_has_none()
    {
        string[] texts = ["He said no.", "She said yes."];
        var across = Featurizer.Fit(texts, new FeaturizerOptions { MinDocumentFrequency = 1, CharNgramsAcrossWords = true });
        var inside = Featurizer.Fit(texts, new FeaturizerOptions { MinDocumentFrequency = 1 });

        Assert.Contains("c:e sa", across.FeatureNames);
        Assert.DoesNotContain(inside.FeatureNames, n => n.StartsWith("c:", StringComparison.Ordinal) && n.Contains(' ', StringComparison.Ordinal));
        var featurized = across.Featurize("He said no.");
        int spanning = across.FeatureNames.ToList().IndexOf("c:e sa");
        int at = featurized.Vector.Indices.IndexOf(spanning);
        Assert.True(at >= 0);
        var occurrence = Assert.Single(featurized.Occurrences[at]);
        Assert.Equal((0, 1), (occurrence.FirstToken, occurrence.LastToken));
    }
}
