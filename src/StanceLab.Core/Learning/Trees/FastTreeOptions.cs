namespace StanceLab.Learning.Trees;

/// <summary>
/// Settings of <see cref="FastTreeTrainer"/>, named as ML.NET's FastTree names them: one binary
/// FastTree ensemble per class (one class against the rest).
/// </summary>
public sealed record FastTreeOptions
{
    /// <summary>Trees per class (FastTree's NumberOfTrees).</summary>
    public int Trees { get; init; } = 100;

    /// <summary>Most leaves per tree.</summary>
    public int Leaves { get; init; } = 20;

    /// <summary>Fewest training rows in a leaf.</summary>
    public int MinExamplesPerLeaf { get; init; } = 5;

    /// <summary>Shrinkage of every tree.</summary>
    public double LearningRate { get; init; } = 0.2;

    /// <summary>Share of features each tree may split on, drawn with the seed.</summary>
    public double FeatureFraction { get; init; } = 1.0;

    /// <summary>Most histogram bins per feature.</summary>
    public int MaxBins { get; init; } = 64;

    /// <summary>Seeds FastTree's sampling.</summary>
    public int Seed { get; init; } = 42;

    public FastTreeOptions Validate()
    {
        if (Trees < 1) throw Bad(nameof(Trees), Trees, "must be at least 1");
        if (Leaves < 2) throw Bad(nameof(Leaves), Leaves, "must be at least 2");
        if (MinExamplesPerLeaf < 1) throw Bad(nameof(MinExamplesPerLeaf), MinExamplesPerLeaf, "must be at least 1");
        if (!(LearningRate > 0 && LearningRate <= 1)) throw Bad(nameof(LearningRate), LearningRate, "must be in (0, 1]");
        if (!(FeatureFraction > 0 && FeatureFraction <= 1)) throw Bad(nameof(FeatureFraction), FeatureFraction, "must be in (0, 1]");
        if (MaxBins < 2) throw Bad(nameof(MaxBins), MaxBins, "must be at least 2");
        return this;
    }

    private static InvalidOptionException Bad(string property, object value, string rule) =>
        new(nameof(FastTreeOptions), property, value, rule);
}
