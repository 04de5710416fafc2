using StanceLab.Text;

namespace StanceLab.Scoring;

/// <summary>
/// A sentence (with its article offsets), one prediction per head, and how much of it the model
/// knows: <see cref="Coverage"/> is the share of its words whose unigram is in the model's
/// vocabulary. Below <see cref="UnsureBelow"/> the labels rest on little more than the bias (or,
/// with an encoder, on an English model's reading of text it may not understand), so the sentence
/// is <see cref="Unsure"/> and every view says so.
/// </summary>
public sealed record SentenceScore(Sentence Sentence, IReadOnlyList<HeadPrediction> Predictions)
{
    /// <summary>Coverage under which a sentence's labels are marked unsure.</summary>
    public const double UnsureBelow = 0.5;

    /// <summary>Share of the sentence's words the model's vocabulary knows (1 for a sentence without words).</summary>
    public double Coverage { get; init; } = 1.0;

    public bool Unsure => Coverage < UnsureBelow;

    public HeadPrediction For(string column) =>
        Predictions.FirstOrDefault(p => p.Column == column) ?? throw new KeyNotFoundException($"No prediction for '{column}'.");
}
