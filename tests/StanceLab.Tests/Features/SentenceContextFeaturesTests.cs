using StanceLab.Data;
using StanceLab.Features;
using StanceLab.Modeling;

namespace StanceLab.Tests.Features;

/// <summary>Context cues for a sentence: its neighbours in the same article, and whether a quotation stays open.</summary>
public sealed class SentenceContextFeaturesTests
{
    private static LabelledSentence Row(string id, string source, string text) =>
        new(id, source, text, new Dictionary<string, string> { ["topic"] = "other" });

    [Fact]
    public void Neighbours_are_the_sentences_before_and_after_in_the_same_source_only()
    {
        var rows = new[]
        {
            Row("1", "a", "First."), Row("2", "b", "Other article."), Row("3", "a", "Second."), Row("4", "a", "Third."),
        };
        var contexts = SentenceContext.Of(rows);
        Assert.Equal((null, "Second."), (contexts[0].Previous, contexts[0].Next));
        Assert.Equal(("First.", "Third."), (contexts[2].Previous, contexts[2].Next));
        Assert.Equal(("Second.", null), (contexts[3].Previous, contexts[3].Next));
        Assert.Equal(((string?)null, (string?)null), (contexts[1].Previous, contexts[1].Next));
    }

    [Fact]
    public void A_quotation_left_open_and_a_said_in_the_next_sentence_are_counted()
    {
        var names = SentenceMetaFeatures.Names.ToList();
        var open = SentenceMetaFeatures.Compute("\"We will not give up the fight.", 1, 3, previous: "The leader spoke.", next: "\"Never,\" he said.");
        Assert.Equal(1f, open[names.IndexOf("meta:open-quote")]);
        Assert.Equal(1f, open[names.IndexOf("meta:next-attribution-verbs")]);
        Assert.Equal(2f, open[names.IndexOf("meta:next-quote-marks")]);
        Assert.Equal(0f, open[names.IndexOf("meta:previous-quote-marks")]);

        var closed = SentenceMetaFeatures.Compute("\"We will not give up,\" he said.", 0, 1);
        Assert.Equal(0f, closed[names.IndexOf("meta:open-quote")]);
        Assert.Equal(0f, closed[names.IndexOf("meta:next-attribution-verbs")]);
        Assert.Equal(names.Count, closed.Length);
    }
}
