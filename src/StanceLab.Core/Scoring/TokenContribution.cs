namespace StanceLab.Scoring;

/// <summary>How much a token pushed a class score up (positive) or down; Start and End are article offsets.</summary>
public sealed record TokenContribution(string Token, int Start, int End, double Contribution)
{
    /// <summary>
    /// The token's approximate share of the sentence-meaning contribution, by leave-one-word-out
    /// occlusion: the meaning contribution with the sentence as it is, minus with this token
    /// removed. Approximate (the shares need not add up to the meaning); null when not computed.
    /// </summary>
    public double? MeaningShare { get; init; }
}
