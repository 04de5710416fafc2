using StanceLab.Features;

namespace StanceLab.Learning;

/// <summary>
/// What a trainer learns from: feature vectors over <see cref="FeatureCount"/> features, and for
/// each the id of its class in <see cref="Classes"/>. Optional per-row weights scale each row's loss.
/// </summary>
public sealed record TrainingSet
{
    public TrainingSet(IReadOnlyList<SparseVector> features, IReadOnlyList<int> labels, IReadOnlyList<string> classes, int featureCount, IReadOnlyList<double>? rowWeights = null, IReadOnlyList<int>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classes);
        if (features.Count != labels.Count) throw new ArgumentException($"{features.Count} feature vectors but {labels.Count} labels.");
        if (rowWeights is not null && rowWeights.Count != labels.Count) throw new ArgumentException("One weight per row is required.");
        if (groups is not null && groups.Count != labels.Count) throw new ArgumentException("One group per row is required.");
        if (featureCount < 0) throw new ArgumentOutOfRangeException(nameof(featureCount));
        for (int i = 0; i < labels.Count; i++)
        {
            if ((uint)labels[i] >= (uint)classes.Count)
                throw new ArgumentException($"Row {i} has class id {labels[i]}, outside the {classes.Count} classes.");
            var idx = features[i].Indices;
            // Indices increase within a row, so checking both ends checks them all (the trainers rely on it).
            if (idx.Length > 0 && (idx[0] < 0 || idx[^1] >= featureCount))
                throw new ArgumentException($"Row {i} has feature {(idx[0] < 0 ? idx[0] : idx[^1])}, outside the {featureCount} features.");
        }
        Features = features;
        Labels = labels;
        Classes = classes;
        FeatureCount = featureCount;
        RowWeights = rowWeights;
        Groups = groups;
    }

    public IReadOnlyList<SparseVector> Features { get; }
    public IReadOnlyList<int> Labels { get; }
    public IReadOnlyList<string> Classes { get; }
    public int FeatureCount { get; }
    public IReadOnlyList<double>? RowWeights { get; }

    /// <summary>
    /// Optional group of each row (e.g. the article a sentence came from). A trainer that holds rows
    /// out for its own use keeps each group on one side, since rows of one group are not independent.
    /// </summary>
    public IReadOnlyList<int>? Groups { get; }
    public int Count => Labels.Count;

    /// <summary>How many rows each class has.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[Classes.Count];
        foreach (var y in Labels) counts[y]++;
        return counts;
    }
}
