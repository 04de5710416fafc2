using StanceLab.Data;
using StanceLab.Features;
using StanceLab.Learning;

namespace StanceLab.Modeling;

/// <summary>
/// What a stacked head reads: the probabilities of every base model (one per label column, over
/// its full label set), then <see cref="SentenceMetaFeatures"/>. The head's classifier is trained
/// on these inputs (out-of-fold probabilities at training time), not on the text features.
/// </summary>
public sealed class StackingInputs
{
    private readonly LabelSet[] _labelSets;

    public StackingInputs(IReadOnlyList<StackingBase> bases)
    {
        ArgumentNullException.ThrowIfNull(bases);
        if (bases.Count == 0) throw new ArgumentException("A stacked head needs at least one base model.", nameof(bases));
        Bases = bases.ToArray();
        _labelSets = Bases.Select(b => new LabelSet(b.Column, b.Classes)).ToArray();
        foreach (var (b, set) in Bases.Zip(_labelSets))
        {
            if (!set.Classes.SequenceEqual(b.Classes, StringComparer.Ordinal))
                throw new ArgumentException($"Base model '{b.Column}': its classes must be distinct and in ordinal order.", nameof(bases));
            var unknown = b.Classifier.Classes.FirstOrDefault(c => !set.Contains(c));
            if (unknown is not null) throw new ArgumentException($"Base model '{b.Column}' predicts '{unknown}', which is not in its label set.", nameof(bases));
        }
        FeatureNames = [.. _labelSets.SelectMany(s => s.Classes.Select(c => $"p({s.Column}={c})")), .. SentenceMetaFeatures.Names];
    }

    public IReadOnlyList<StackingBase> Bases { get; }

    /// <summary>The name of every input, in order: "p(column=class)" for each base model's classes, then the meta-features.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    public int Width => FeatureNames.Count;

    /// <summary>The inputs of one sentence: base models' probabilities from its text features, then its meta-features.</summary>
    public SparseVector Build(SparseVector textFeatures, string text, SentenceContext context)
    {
        ArgumentNullException.ThrowIfNull(textFeatures);
        ArgumentNullException.ThrowIfNull(text);
        return Build(Probabilities(textFeatures), SentenceMetaFeatures.Compute(text, context.Position, context.SentenceCount, context.Previous, context.Next));
    }

    /// <summary>Every base model's probabilities over its label set, concatenated.</summary>
    public double[] Probabilities(SparseVector textFeatures) =>
        Bases.Zip(_labelSets).SelectMany(p => p.First.Classifier.PredictOver(textFeatures, p.Second)).ToArray();

    /// <summary>Probabilities and meta-features as one sparse row (zeros stay implicit).</summary>
    public static SparseVector Build(ReadOnlySpan<double> probabilities, ReadOnlySpan<float> meta)
    {
        var indices = new List<int>(probabilities.Length + meta.Length);
        var values = new List<float>(probabilities.Length + meta.Length);
        for (int j = 0; j < probabilities.Length; j++)
            if (probabilities[j] != 0) { indices.Add(j); values.Add((float)probabilities[j]); }
        for (int j = 0; j < meta.Length; j++)
            if (meta[j] != 0) { indices.Add(probabilities.Length + j); values.Add(meta[j]); }
        return new SparseVector(indices.ToArray(), values.ToArray());
    }
}
