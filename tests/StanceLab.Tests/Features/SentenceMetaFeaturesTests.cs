using StanceLab.Features;

namespace StanceLab.Tests.Features;

public sealed class SentenceMetaFeaturesTests
{
    private static float Feature(float[] values, string name) => values[SentenceMetaFeatures.Names.ToList().IndexOf(name)];

    [Fact]
    public void Every_feature_has_a_name()
    {
        var values = SentenceMetaFeatures.Compute("A sentence.", 0, 1);

        Assert.Equal(SentenceMetaFeatures.Names.Count, values.Length);
        Assert.Equal(SentenceMetaFeatures.Names.Count, SentenceMetaFeatures.Names.Distinct().Count());
    }

    [Fact]
    public void The_cues_are_counted_in_a_sentence_that_has_each_of_them()
    {
        var values = SentenceMetaFeatures.Compute("\"We could win 3 of 4 seats,\" the leader said, and it may rain?", 2, 5);

        Assert.Equal(2f, Feature(values, "meta:position"));
        Assert.Equal(0.5f, Feature(values, "meta:relative-position"));
        Assert.Equal(0f, Feature(values, "meta:is-first"));
        Assert.Equal(2f, Feature(values, "meta:quote-marks"));
        Assert.Equal(2f, Feature(values, "meta:modal-verbs"));       // could, may
        Assert.Equal(2f, Feature(values, "meta:digit-tokens"));      // 3, 4
        Assert.Equal(1f, Feature(values, "meta:attribution-verbs")); // said
        Assert.Equal(1f, Feature(values, "meta:first-second-person")); // We
        Assert.Equal(1f, Feature(values, "meta:question-mark"));
    }

    [Fact]
    public void A_plain_headline_is_first_and_has_none_of_the_cues()
    {
        var values = SentenceMetaFeatures.Compute("Oil exports rise in December", 0, 12);

        Assert.Equal(1f, Feature(values, "meta:is-first"));
        Assert.Equal(0f, Feature(values, "meta:relative-position"));
        Assert.Equal(5f, Feature(values, "meta:tokens"));
        foreach (var name in new[] { "meta:quote-marks", "meta:modal-verbs", "meta:digit-tokens", "meta:attribution-verbs", "meta:first-second-person", "meta:question-mark" })
            Assert.Equal(0f, Feature(values, name));
    }

    [Fact]
    public void A_position_outside_the_article_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SentenceMetaFeatures.Compute("x", 3, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => SentenceMetaFeatures.Compute("x", -1, 3));
    }
}
