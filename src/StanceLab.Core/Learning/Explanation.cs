namespace StanceLab.Learning;

/// <summary>A feature's share of a class score.</summary>
public readonly record struct FeatureContribution(int Feature, double Contribution);

/// <summary>
/// Why a class got its score: <see cref="BaseValue"/> (the bias, or a tree model's expected value)
/// plus the sum of <see cref="Contributions"/> and <see cref="AbsentContributions"/> equals
/// <see cref="Score"/>, the class logit.
/// </summary>
/// <param name="ClassIndex">The explained class.</param>
/// <param name="BaseValue">The score before any feature is known.</param>
/// <param name="Contributions">One entry per entry of the explained vector, in its order.</param>
/// <param name="Score">The class logit.</param>
public sealed record Explanation(int ClassIndex, double BaseValue, IReadOnlyList<FeatureContribution> Contributions, double Score)
{
    /// <summary>
    /// Features that are zero in the vector yet moved the score. A linear model has none; a tree model
    /// does whenever it splits on a word's absence ("no 'said' in the sentence"), and TreeSHAP credits
    /// that absence like any other feature value.
    /// </summary>
    public IReadOnlyList<FeatureContribution> AbsentContributions { get; init; } = [];
}
