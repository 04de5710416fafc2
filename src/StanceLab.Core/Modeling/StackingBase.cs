using StanceLab.Learning;

namespace StanceLab.Modeling;

/// <summary>One input model of a stacked head: a linear classifier of <see cref="Column"/> over the text features, read as probabilities over <see cref="Classes"/>.</summary>
public sealed record StackingBase(string Column, IReadOnlyList<string> Classes, IClassifier Classifier);
