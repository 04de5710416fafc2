using StanceLab.Text;

namespace StanceLab.Features;

/// <summary>
/// Cues about a sentence that bag-of-n-grams features see poorly or not at all: where it sits in
/// its article, how long it is, and counts of quotation marks, modal verbs, digits, attribution
/// verbs, first- and second-person pronouns and question marks; whether a quotation is left open;
/// and the quotation marks and attribution verbs of the sentences before and after it (the guide's
/// quotations over several sentences, "he said" in the next one). The stacked model reads them
/// beside the linear heads' probabilities.
/// </summary>
public static class SentenceMetaFeatures
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "meta:position", "meta:relative-position", "meta:is-first", "meta:tokens", "meta:quote-marks",
        "meta:modal-verbs", "meta:digit-tokens", "meta:attribution-verbs", "meta:first-second-person", "meta:question-mark",
        "meta:open-quote", "meta:previous-quote-marks", "meta:previous-attribution-verbs", "meta:next-quote-marks", "meta:next-attribution-verbs",
    ];

    private static readonly HashSet<string> Modals = new(StringComparer.OrdinalIgnoreCase)
        { "may", "might", "could", "would", "should", "will", "can", "must", "shall", "likely", "possibly", "perhaps" };

    private static readonly HashSet<string> AttributionVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "say", "told", "tells", "according", "reported", "reports", "announced", "claimed", "claims",
        "stated", "added", "denied", "insisted", "noted", "warned", "urged", "confirmed", "quoted", "alleged", "argued",
    };

    private static readonly HashSet<string> Persons = new(StringComparer.OrdinalIgnoreCase)
        { "i", "we", "our", "us", "my", "me", "you", "your" };

    /// <param name="text">The sentence.</param>
    /// <param name="position">Its 0-based index in its article.</param>
    /// <param name="sentences">How many sentences the article has.</param>
    /// <param name="previous">The sentence before it, null for the first.</param>
    /// <param name="next">The sentence after it, null for the last.</param>
    public static float[] Compute(string text, int position, int sentences, string? previous = null, string? next = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, sentences);
        var tokens = Tokenizer.Default.Tokenize(text);
        int quotes = text.Count(c => c is '"' or '“' or '”' or '«' or '»');
        int modals = 0, digits = 0, attribution = 0, persons = 0;
        foreach (var token in tokens)
        {
            if (Modals.Contains(token.Text)) modals++;
            if (AttributionVerbs.Contains(token.Text)) attribution++;
            if (Persons.Contains(token.Text)) persons++;
            if (token.Text.Any(char.IsAsciiDigit)) digits++;
        }
        return
        [
            position,
            sentences > 1 ? (float)position / (sentences - 1) : 0f,
            position == 0 ? 1f : 0f,
            tokens.Count,
            quotes,
            modals,
            digits,
            attribution,
            persons,
            text.Contains('?', StringComparison.Ordinal) ? 1f : 0f,
            // An odd number of straight quotes, or an opening curly quote without its closing one: the quotation runs on.
            (text.Count(c => c == '"') % 2 == 1 || text.Count(c => c == '“') > text.Count(c => c == '”')) ? 1f : 0f,
            previous is null ? 0f : QuoteMarks(previous),
            previous is null ? 0f : Attributions(previous),
            next is null ? 0f : QuoteMarks(next),
            next is null ? 0f : Attributions(next),
        ];
    }

    private static int QuoteMarks(string text) => text.Count(c => c is '"' or '“' or '”' or '«' or '»');

    private static int Attributions(string text) => Tokenizer.Default.Tokenize(text).Count(t => AttributionVerbs.Contains(t.Text));
}
