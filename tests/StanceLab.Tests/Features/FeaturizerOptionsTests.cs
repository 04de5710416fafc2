using StanceLab.Features;

namespace StanceLab.Tests.Features;

/// <summary>The featurizer's options: documented defaults, and Validate naming the bad property and its value.</summary>
public sealed class FeaturizerOptionsTests
{
    private static FeaturizerOptions With(string property, int value) => property switch
    {
        nameof(FeaturizerOptions.MaxWordNgram) => new FeaturizerOptions { MaxWordNgram = value },
        nameof(FeaturizerOptions.MinCharNgram) => new FeaturizerOptions { MinCharNgram = value },
        nameof(FeaturizerOptions.MaxCharNgram) => new FeaturizerOptions { MaxCharNgram = value },
        nameof(FeaturizerOptions.MinDocumentFrequency) => new FeaturizerOptions { MinDocumentFrequency = value },
        _ => throw new ArgumentOutOfRangeException(nameof(property)),
    };

    [Fact]
    public void The_defaults_are_word_bigrams_char_3_to_5_grams_df_2_sublinear_tf_and_smooth_idf()
    {
        var options = new FeaturizerOptions();

        Assert.Equal((2, 3, 5, 2, true, true), (options.MaxWordNgram, options.MinCharNgram, options.MaxCharNgram, options.MinDocumentFrequency, options.SublinearTf, options.SmoothIdf));
        Assert.True(options.UsesCharNgrams);
        Assert.Same(options, options.Validate());
    }

    [Theory]
    [InlineData("MaxWordNgram", 0, "must be at least 1")]
    [InlineData("MaxWordNgram", -2, "must be at least 1")]
    [InlineData("MaxCharNgram", -1, "must be 0 (off) or positive")]
    [InlineData("MinCharNgram", 0, "must be at least 1")]
    [InlineData("MinCharNgram", 6, "must not exceed MaxCharNgram (5)")]
    [InlineData("MinDocumentFrequency", 0, "must be at least 1")]
    public void Validate_names_the_bad_property_and_its_value(string property, int value, string rule)
    {
        var options = With(property, value);

        var error = Assert.Throws<InvalidOptionException>(() => options.Validate());

        Assert.Equal(property, error.ParamName);
        Assert.StartsWith($"FeaturizerOptions.{property} = {value}: {rule}.", error.Message, StringComparison.Ordinal);
        Assert.Equal((property, (object)value, rule), (error.Property, error.Value, error.Rule));
    }

    [Fact]
    public void With_char_ngrams_off_the_char_lengths_are_not_checked()
    {
        var options = new FeaturizerOptions { MaxCharNgram = 0, MinCharNgram = 0 };

        Assert.False(options.UsesCharNgrams);
        Assert.Same(options, options.Validate());
    }

    [Fact]
    public void Fit_and_a_fitted_featurizer_refuse_bad_options_the_same_way()
    {
        var bad = new FeaturizerOptions { MinDocumentFrequency = 0 };

        var fit = Assert.Throws<InvalidOptionException>(() => Featurizer.Fit(["a b"], bad));
        var construct = Assert.Throws<InvalidOptionException>(() => new FittedFeaturizer(bad, [], []));

        Assert.Equal(nameof(FeaturizerOptions.MinDocumentFrequency), fit.ParamName);
        Assert.Equal(nameof(FeaturizerOptions.MinDocumentFrequency), construct.ParamName);
    }
}
