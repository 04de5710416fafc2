namespace StanceLab.Scoring;

/// <summary>
/// One head's verdict on a sentence: the label, its probability, every class's probability, and the
/// explanation of the label's logit: <see cref="BaseValue"/> + Σ <see cref="Tokens"/> contributions
/// + Σ <see cref="Absent"/> contributions = <see cref="Logit"/>.
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

    public bool IsStacked => Inputs.Count > 0;
}
