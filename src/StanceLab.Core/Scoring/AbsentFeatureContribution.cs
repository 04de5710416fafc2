namespace StanceLab.Scoring;

/// <summary>
/// A feature missing from the sentence whose absence moved the label's score (a tree model that
/// split on "no 'said' here"); <see cref="Feature"/> is the feature's readable name.
/// </summary>
public sealed record AbsentFeatureContribution(string Feature, double Contribution);
