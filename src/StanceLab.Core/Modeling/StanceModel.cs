using StanceLab.Features;

namespace StanceLab.Modeling;

/// <summary>
/// A trained model: one fitted featurizer and one head per label column, so one featurization
/// serves every head. Immutable and safe to share between threads.
/// </summary>
public sealed class StanceModel
{
    public StanceModel(FittedFeaturizer featurizer, IReadOnlyList<ModelHead> heads, ModelMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(featurizer);
        ArgumentNullException.ThrowIfNull(heads);
        ArgumentNullException.ThrowIfNull(metadata);
        if (heads.Count == 0) throw new ArgumentException("A model needs at least one head.", nameof(heads));
        foreach (var head in heads)
        {
            if (head.Stacking is { } stacking)
            {
                if (head.Classifier.FeatureCount != stacking.Width)
                    throw new ArgumentException($"Stacked head '{head.Column}' expects {head.Classifier.FeatureCount} inputs; its stacking provides {stacking.Width}.");
                foreach (var b in stacking.Bases)
                    if (b.Classifier.FeatureCount != featurizer.FeatureCount)
                        throw new ArgumentException($"Stacked head '{head.Column}': base model '{b.Column}' expects {b.Classifier.FeatureCount} features; the featurizer makes {featurizer.FeatureCount}.");
            }
            else if (head.Classifier.FeatureCount != featurizer.FeatureCount)
                throw new ArgumentException($"Head '{head.Column}' expects {head.Classifier.FeatureCount} features; the featurizer makes {featurizer.FeatureCount}.");
        }
        if (heads.Select(h => h.Column).Distinct(StringComparer.Ordinal).Count() != heads.Count)
            throw new ArgumentException("Two heads share a label column.", nameof(heads));
        Featurizer = featurizer;
        Heads = heads.ToArray();
        Metadata = metadata;
    }

    public FittedFeaturizer Featurizer { get; }
    public IReadOnlyList<ModelHead> Heads { get; }
    public ModelMetadata Metadata { get; }

    /// <summary>Fingerprints of the training sentences (empty for a model saved without them).</summary>
    public TrainingTextFingerprints TrainingTexts { get; init; } = TrainingTextFingerprints.None;

    public ModelHead Head(string column) =>
        Heads.FirstOrDefault(h => h.Column == column)
        ?? throw new KeyNotFoundException($"The model has no head '{column}' (it has: {string.Join(", ", Heads.Select(h => h.Column))}).");
}
