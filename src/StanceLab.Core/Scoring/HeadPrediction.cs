namespace StanceLab.Scoring;

/// <summary>
/// One head's verdict on a sentence: the label, its probability, every class's probability, and the
/// explanation of the label's logit: <see cref="BaseValue"/> + Σ <see cref="Tokens"/> contributions
/// + <see cref="Meaning"/> + Σ <see cref="Absent"/> contributions = <see cref="Logit"/>.
/// <see cref="Toward"/> and <see cref="Against"/> are the tokens that pushed hardest each way.
/// </summary>
public sealed record HeadPrediction(
    string Column,
    string Label,
    double Probability,
    IReadOnlyList<KeyValuePair<string, double>> Probabilities,
    double BaseValue,
    double Logit,
    IReadOnlyList<TokenContribution> Tokens,
    IReadOnlyList<TokenContribution> Toward,
    IReadOnlyList<TokenContribution> Against)
{
    /// <summary>Features absent from the sentence that moved the score, strongest first; empty for linear heads.</summary>
    public IReadOnlyList<NamedContribution> Absent { get; init; } = [];

    /// <summary>
    /// For a stacked head: the exact contribution of each input (the linear heads' probabilities and
    /// the sentence cues), so <see cref="BaseValue"/> + Σ inputs = <see cref="Logit"/>. <see cref="Tokens"/>
    /// then explain the head's own linear input for the label, the words behind it. Empty otherwise.
    /// </summary>
    public IReadOnlyList<NamedContribution> Inputs { get; init; } = [];

    /// <summary>
    /// The sentence encoder's share of the logit (its dimensions' contributions summed), exact like
    /// the tokens'; 0 without an encoder. It belongs to the sentence as a whole, not to any word.
    /// </summary>
    public double Meaning { get; init; }

    public bool IsStacked => Inputs.Count > 0;

    /// <summary>
    /// The head's probabilities are temperature-scaled: <see cref="Probabilities"/> are
    /// softmax(logit / temperature), while the explanation is of the unscaled <see cref="Logit"/>.
    /// Null for an uncalibrated head.
    /// </summary>
    public double? Temperature { get; init; }

    /// <summary>
    /// The head abstains: its top probability is under the threshold the caller set
    /// (<c>score --abstain P</c>), or the sentence's coverage is too low. <see cref="Label"/> is
    /// then a best guess, and every view says so.
    /// </summary>
    public bool Unsure { get; init; }
}
