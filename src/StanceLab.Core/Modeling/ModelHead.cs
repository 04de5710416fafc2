using StanceLab.Data;
using StanceLab.Features;
using StanceLab.Learning;

namespace StanceLab.Modeling;

/// <summary>
/// One classifier of a model, for one label column ("topic", "stance", or a user's own). A
/// stacked head's classifier reads <see cref="Stacking"/> inputs instead of the text features;
/// <see cref="Input"/> hides the difference from callers.
/// </summary>
public sealed record ModelHead(string Column, IClassifier Classifier)
{
    /// <summary>Set for a stacked head: the base models and meta-features its classifier reads.</summary>
    public StackingInputs? Stacking { get; init; }

    public bool IsStacked => Stacking is not null;

    /// <summary>What the classifier reads for a sentence: its text features, or for a stacked head the stacked inputs.</summary>
    public SparseVector Input(SparseVector textFeatures, string text, SentenceContext context) =>
        Stacking is null ? textFeatures : Stacking.Build(textFeatures, text, context);

    /// <summary>One probability per class of <paramref name="labels"/> for a sentence.</summary>
    public double[] PredictOver(SparseVector textFeatures, string text, SentenceContext context, LabelSet labels) =>
        Classifier.PredictOver(Input(textFeatures, text, context), labels);
}
