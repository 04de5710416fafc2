using System.Text.Json.Serialization;
using StanceLab.Encoders;

namespace StanceLab.Features;

/// <summary>
/// How text becomes features. Defaults: word unigrams and bigrams, character 3-5-grams inside
/// words, features seen in at least 2 sentences, sublinear tf, smooth idf, L2 norm.
/// </summary>
public sealed record FeaturizerOptions
{
    /// <summary>Longest word n-gram (1 = unigrams only).</summary>
    public int MaxWordNgram { get; init; } = 2;

    /// <summary>Shortest character n-gram inside a word (word boundaries count as characters).</summary>
    public int MinCharNgram { get; init; } = 3;

    /// <summary>Longest character n-gram; 0 turns character n-grams off.</summary>
    public int MaxCharNgram { get; init; } = 5;

    /// <summary>
    /// Character n-grams run over the whole normalized sentence, spaces and neighbouring words
    /// included (as ML.NET's and scikit-learn's 'char' analyzers do), instead of inside each word
    /// between boundary marks. Spanning n-grams catch short phrases ("s said", "n't b").
    /// </summary>
    public bool CharNgramsAcrossWords { get; init; }

    /// <summary>
    /// A sentence encoder whose embedding is appended to the n-gram features as one more
    /// unit-length block ("sentence meaning"). Left out of the saved options when none, so models
    /// without an encoder keep their bytes.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public SentenceEncoderKind Encoder { get; init; }

    /// <summary>A feature must occur in at least this many training sentences to enter the vocabulary.</summary>
    public int MinDocumentFrequency { get; init; } = 2;

    /// <summary>tf = 1 + ln(count) instead of the raw count.</summary>
    public bool SublinearTf { get; init; } = true;

    /// <summary>idf = ln((1 + n) / (1 + df)) + 1, as if one extra sentence held every feature.</summary>
    public bool SmoothIdf { get; init; } = true;

    [JsonIgnore]
    public bool UsesCharNgrams => MaxCharNgram > 0;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first bad property and its value.</summary>
    public FeaturizerOptions Validate()
    {
        if (MaxWordNgram < 1) throw Bad(nameof(MaxWordNgram), MaxWordNgram, "must be at least 1");
        if (MaxCharNgram < 0) throw Bad(nameof(MaxCharNgram), MaxCharNgram, "must be 0 (off) or positive");
        if (UsesCharNgrams && MinCharNgram < 1) throw Bad(nameof(MinCharNgram), MinCharNgram, "must be at least 1");
        if (UsesCharNgrams && MinCharNgram > MaxCharNgram)
            throw Bad(nameof(MinCharNgram), MinCharNgram, $"must not exceed {nameof(MaxCharNgram)} ({MaxCharNgram})");
        if (!Enum.IsDefined(Encoder)) throw Bad(nameof(Encoder), Encoder, "is unknown");
        if (MinDocumentFrequency < 1) throw Bad(nameof(MinDocumentFrequency), MinDocumentFrequency, "must be at least 1");
        return this;
    }

    private static InvalidOptionException Bad(string property, object value, string rule) =>
        new(nameof(FeaturizerOptions), property, value, rule);
}
