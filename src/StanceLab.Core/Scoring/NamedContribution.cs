namespace StanceLab.Scoring;

/// <summary>
/// A named input's share of a label's score: a feature absent from the sentence whose absence
/// moved a tree head ("said"), or one input of a stacked head ("p(topic=conflict)", "meta:modal-verbs").
/// </summary>
public sealed record NamedContribution(string Feature, double Contribution);
