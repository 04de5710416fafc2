using StanceLab.Features;

namespace StanceLab.Tests.Features;

/// <summary>
/// Fitting the featurizer (vocabulary, document frequency, idf) and the TF-IDF vectors it makes:
/// sublinear tf, word and character blocks each L2-normalized, unit length overall, and character
/// n-grams that stay inside one word.
/// </summary>
public sealed class FeaturizerTests
{
    private const float Tolerance = 1e-6f;

    /// <summary>Word unigrams only: the simplest vocabulary to reason about by hand.</summary>
    private static readonly FeaturizerOptions Unigrams = new() { MaxWordNgram = 1, MaxCharNgram = 0, MinDocumentFrequency = 1 };

    private static readonly FeaturizerOptions WordsAndChars = new() { MinDocumentFrequency = 1 };

    private static float IdfOf(FittedFeaturizer featurizer, string name) =>
        featurizer.Idf[featurizer.IdOf(name) ?? throw new KeyNotFoundException($"'{name}' is not in the vocabulary.")];

    private static Dictionary<string, float> Named(FittedFeaturizer featurizer, SparseVector vector)
    {
        var named = new Dictionary<string, float>(StringComparer.Ordinal);
        for (int i = 0; i < vector.Count; i++) named[featurizer.FeatureNames[vector.Indices[i]]] = vector.Values[i];
        return named;
    }

    private static double SumOfSquares(FittedFeaturizer featurizer, SparseVector vector, bool chars)
    {
        double sum = 0;
        for (int i = 0; i < vector.Count; i++)
        {
            if (FittedFeaturizer.IsCharFeature(featurizer.FeatureNames[vector.Indices[i]]) == chars)
                sum += (double)vector.Values[i] * vector.Values[i];
        }
        return sum;
    }

    // ---- vocabulary ----

    [Theory]
    [InlineData(10)]
    [InlineData(300)]
    [InlineData(70_000)]
    [InlineData(20_000_000)]
    public void Feature_ids_come_out_sorted_for_every_length_and_feature_count(int featureCount)
    {
        // Lengths on both sides of the insertion-sort cut-off; counts that need 1 to 4 radix passes.
        var random = new Random(featureCount);
        foreach (int length in new[] { 0, 1, 2, 31, 32, 33, 64, 65, 200, 600 })
        {
            int n = Math.Min(length, featureCount);
            var ids = featureCount > 100_000
                ? Enumerable.Range(0, n).Select(_ => random.Next(featureCount)).Distinct().ToArray()
                : Enumerable.Range(0, featureCount).OrderBy(_ => random.Next()).Take(n).ToArray();
            var expected = ids.Order().ToArray();

            FittedFeaturizer.SortIds(ids, new int[ids.Length], featureCount);

            Assert.Equal(expected, ids);
        }
    }

    [Fact]
    public void Counting_in_parallel_parts_gives_the_vocabulary_and_idf_of_one_sequential_count()
    {
        // 7,000 texts make three parts of at least 2,000; words recur across parts with different
        // frequencies, so a part that lost or double-counted a document would change some idf.
        var random = new Random(5);
        string[] words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu"];
        var texts = Enumerable.Range(0, 7000)
            .Select(i => string.Join(' ', Enumerable.Range(0, 1 + random.Next(8)).Select(_ => words[random.Next(words.Length)] + (random.Next(50) == 0 ? i.ToString() : ""))))
            .ToArray();
        var options = new FeaturizerOptions { MinDocumentFrequency = 2 };

        var sequential = Featurizer.Fit(texts, options, null, maxParts: 1);
        var parallel = Featurizer.Fit(texts, options, null, maxParts: 3);

        Assert.Equal(sequential.FeatureNames, parallel.FeatureNames);
        Assert.Equal(sequential.Idf, parallel.Idf);
        // A rare token seen once is left out; one seen in two texts of different parts is kept.
        Assert.Contains(sequential.FeatureNames, name => name.Contains("alpha beta", StringComparison.Ordinal));
        Assert.True(sequential.FeatureCount > words.Length * words.Length);
    }

    [Fact]
    public void The_vocabulary_is_in_ordinal_order_and_ids_follow_it()
    {
        var featurizer = Featurizer.Fit(["Zebra apple banana", "apple zebra 42", "Banana, the 2nd apple?"], WordsAndChars);

        var names = featurizer.FeatureNames;
        Assert.NotEmpty(names);
        for (int j = 1; j < names.Count; j++) Assert.True(string.CompareOrdinal(names[j - 1], names[j]) < 0, $"'{names[j - 1]}' before '{names[j]}'");
        for (int j = 0; j < names.Count; j++) Assert.Equal(j, featurizer.IdOf(names[j]));
        Assert.Null(featurizer.IdOf("not a feature"));
    }

    [Fact]
    public void The_vocabulary_and_idf_do_not_depend_on_the_order_of_the_texts()
    {
        string[] texts = ["Russia sent jets.", "The talks may fail.", "Russia may send more jets.", "Oil prices rose."];

        var forward = Featurizer.Fit(texts, WordsAndChars);
        var backward = Featurizer.Fit(texts.Reverse().ToArray(), WordsAndChars);

        Assert.Equal(forward.FeatureNames, backward.FeatureNames);
        Assert.Equal(forward.Idf, backward.Idf);
    }

    [Fact]
    public void Words_are_lower_cased_and_curly_apostrophes_and_quotes_are_unified()
    {
        var featurizer = Featurizer.Fit(["Libya’s “ally”", "LIBYA's \"ally\""], Unigrams);

        Assert.Equal(["\"", "ally", "libya's"], featurizer.FeatureNames);
    }

    [Theory]
    [InlineData(1, new[] { "bird", "cat", "dog", "fish" })]
    [InlineData(2, new[] { "bird", "cat" })]
    [InlineData(3, new[] { "cat" })]
    [InlineData(4, new string[0])]
    public void Min_document_frequency_prunes_features_seen_in_too_few_texts(int minDocumentFrequency, string[] kept)
    {
        // "fish" occurs three times but in one text: document frequency counts texts, not occurrences.
        string[] texts = ["cat dog", "cat bird", "cat bird", "fish fish fish"];

        var featurizer = Featurizer.Fit(texts, Unigrams with { MinDocumentFrequency = minDocumentFrequency });

        Assert.Equal(kept, featurizer.FeatureNames);
    }

    // ---- idf ----

    [Fact]
    public void Smooth_idf_is_ln_of_1_plus_n_over_1_plus_df_plus_1()
    {
        var featurizer = Featurizer.Fit(["the cat sat", "the dog sat", "the cat ran"], Unigrams with { MaxWordNgram = 2, SmoothIdf = true });

        Assert.Equal(1.0f, IdfOf(featurizer, "the"), Tolerance);                             // df 3: ln(4/4) + 1
        Assert.Equal(Math.Log(4.0 / 3.0) + 1, IdfOf(featurizer, "cat"), Tolerance);          // df 2
        Assert.Equal(Math.Log(4.0 / 3.0) + 1, IdfOf(featurizer, "the cat"), Tolerance);      // df 2
        Assert.Equal(Math.Log(4.0 / 2.0) + 1, IdfOf(featurizer, "dog"), Tolerance);          // df 1
        Assert.Equal(Math.Log(4.0 / 2.0) + 1, IdfOf(featurizer, "cat ran"), Tolerance);      // df 1
    }

    [Fact]
    public void Plain_idf_is_ln_of_n_over_df_plus_1()
    {
        var featurizer = Featurizer.Fit(["the cat sat", "the dog sat", "the cat ran"], Unigrams with { MaxWordNgram = 2, SmoothIdf = false });

        Assert.Equal(1.0f, IdfOf(featurizer, "the"), Tolerance);                            // df 3: ln(3/3) + 1
        Assert.Equal(Math.Log(3.0 / 2.0) + 1, IdfOf(featurizer, "sat"), Tolerance);         // df 2
        Assert.Equal(Math.Log(3.0 / 1.0) + 1, IdfOf(featurizer, "ran"), Tolerance);         // df 1
        Assert.Equal(Math.Log(3.0 / 1.0) + 1, IdfOf(featurizer, "dog sat"), Tolerance);     // df 1
    }

    // ---- tf and normalization ----

    [Fact]
    public void Sublinear_tf_is_1_plus_ln_count_times_idf_then_normalized()
    {
        var featurizer = Featurizer.Fit(["cat dog", "cat bird", "bird fish"], Unigrams);
        double catIdf = Math.Log(4.0 / 3.0) + 1, dogIdf = Math.Log(4.0 / 2.0) + 1;

        var values = Named(featurizer, featurizer.Transform("cat cat cat dog"));

        double cat = (1 + Math.Log(3)) * catIdf, dog = 1 * dogIdf, norm = Math.Sqrt(cat * cat + dog * dog);
        Assert.Equal(["cat", "dog"], values.Keys);
        Assert.Equal(cat / norm, values["cat"], Tolerance);
        Assert.Equal(dog / norm, values["dog"], Tolerance);
    }

    [Fact]
    public void Without_sublinear_tf_the_raw_count_multiplies_the_idf()
    {
        var featurizer = Featurizer.Fit(["cat dog", "cat bird", "bird fish"], Unigrams with { SublinearTf = false });
        double catIdf = Math.Log(4.0 / 3.0) + 1, dogIdf = Math.Log(4.0 / 2.0) + 1;

        var values = Named(featurizer, featurizer.Transform("cat cat cat dog"));

        double cat = 3 * catIdf, dog = 1 * dogIdf, norm = Math.Sqrt(cat * cat + dog * dog);
        Assert.Equal(cat / norm, values["cat"], Tolerance);
        Assert.Equal(dog / norm, values["dog"], Tolerance);
    }

    [Theory]
    [InlineData("Russia sent jets to the army.")]
    [InlineData("jets jets jets")]
    [InlineData("The army? \"Unclear,\" he said.")]
    public void Word_and_char_blocks_each_carry_half_the_squared_length_of_a_unit_vector(string text)
    {
        var featurizer = Featurizer.Fit(["Russia sent jets to the army.", "The army said it was unclear.", "He said the jets came."], WordsAndChars);

        var vector = featurizer.Transform(text);

        Assert.Equal(1.0, vector.Norm(), 1e-6);
        Assert.Equal(0.5, SumOfSquares(featurizer, vector, chars: false), 1e-6);
        Assert.Equal(0.5, SumOfSquares(featurizer, vector, chars: true), 1e-6);
    }

    [Fact]
    public void A_vector_with_only_word_features_is_the_word_block_at_unit_length()
    {
        var featurizer = new FittedFeaturizer(WordsAndChars, ["cat", "dog"], [2f, 1f]);

        var values = Named(featurizer, featurizer.Transform("cat dog"));

        Assert.Equal(2 / Math.Sqrt(5), values["cat"], Tolerance);
        Assert.Equal(1 / Math.Sqrt(5), values["dog"], Tolerance);
    }

    [Fact]
    public void A_vector_with_only_char_features_is_the_char_block_at_unit_length()
    {
        var featurizer = new FittedFeaturizer(WordsAndChars with { MinCharNgram = 3, MaxCharNgram = 3 }, ["c:<ca", "c:cat"], [1f, 1f]);

        var vector = featurizer.Transform("cat");

        Assert.Equal([0, 1], vector.Indices.ToArray());
        Assert.All(vector.Values.ToArray(), v => Assert.Equal(1 / Math.Sqrt(2), v, Tolerance));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("zzz qqq xyzzy")]
    [InlineData(". , ; :")]
    public void A_text_with_no_known_features_gives_an_empty_vector(string text)
    {
        var featurizer = Featurizer.Fit(["Russia sent jets.", "The talks failed."], WordsAndChars);

        var vector = featurizer.Transform(text);
        var featurized = featurizer.Featurize(text);

        Assert.Equal(0, vector.Count);
        Assert.Equal(0.0, vector.Norm());
        Assert.Equal(0, featurized.Vector.Count);
        Assert.Empty(featurized.Occurrences);
    }

    // ---- character n-grams ----

    [Fact]
    public void Char_ngrams_are_padded_with_angle_brackets_prefixed_with_c_and_never_cross_words()
    {
        var featurizer = Featurizer.Fit(["ab cd"], Unigrams with { MinCharNgram = 2, MaxCharNgram = 3 });

        string[] expected =
        [
            "ab", "cd",
            "c:<a", "c:ab", "c:b>", "c:<ab", "c:ab>",
            "c:<c", "c:cd", "c:d>", "c:<cd", "c:cd>",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), featurizer.FeatureNames);
    }

    [Fact]
    public void A_short_word_gives_char_ngrams_up_to_its_padded_length_only()
    {
        var featurizer = Featurizer.Fit(["a"], Unigrams with { MinCharNgram = 2, MaxCharNgram = 5 });

        Assert.Equal(["a", "c:<a", "c:<a>", "c:a>"], featurizer.FeatureNames);
    }

    [Fact]
    public void Quotes_and_question_marks_are_word_features_but_give_no_char_ngrams()
    {
        var featurizer = Featurizer.Fit(["why ? \"no\""], new FeaturizerOptions { MinCharNgram = 3, MaxCharNgram = 3, MinDocumentFrequency = 1 });

        Assert.Contains("?", featurizer.FeatureNames);
        Assert.Contains("why ?", featurizer.FeatureNames);
        Assert.Contains("\"", featurizer.FeatureNames);
        var chars = featurizer.FeatureNames.Where(FittedFeaturizer.IsCharFeature).ToArray();
        Assert.Equal(["c:<no", "c:<wh", "c:hy>", "c:no>", "c:why"], chars);
    }

    [Fact]
    public void Without_char_ngrams_no_feature_starts_with_the_char_prefix()
    {
        var featurizer = Featurizer.Fit(["Russia sent jets.", "c: is not a prefix a word can carry"], Unigrams with { MaxWordNgram = 2 });

        Assert.DoesNotContain(featurizer.FeatureNames, FittedFeaturizer.IsCharFeature);
    }

    // ---- fitting and constructing ----

    [Fact]
    public void Fitting_on_no_texts_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Featurizer.Fit([], WordsAndChars));

        Assert.Equal("texts", error.ParamName);
    }

    [Fact]
    public void A_fitted_featurizer_refuses_names_out_of_ordinal_order()
    {
        var error = Assert.Throws<ArgumentException>(() => new FittedFeaturizer(Unigrams, ["dog", "cat"], [1f, 1f]));

        Assert.Contains("'cat'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fitted_featurizer_refuses_duplicate_names_and_a_missing_idf()
    {
        Assert.Throws<ArgumentException>(() => new FittedFeaturizer(Unigrams, ["cat", "cat"], [1f, 1f]));
        Assert.Throws<ArgumentException>(() => new FittedFeaturizer(Unigrams, ["cat", "dog"], [1f]));
    }

    [Fact]
    public void Fit_reports_progress_ending_at_1()
    {
        var reports = new List<double>();

        Featurizer.Fit(["a b", "c d", "e f"], Unigrams, new InlineProgress(reports.Add));

        Assert.NotEmpty(reports);
        Assert.Equal(1.0, reports[^1]);
        Assert.All(reports, r => Assert.InRange(r, 0.0, 1.0));
    }

    private sealed class InlineProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
