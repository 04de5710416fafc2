using System.Text.Json.Serialization;

namespace StanceLab.Learning.Trees;

/// <summary>
/// Settings of <see cref="GradientBoostingTrainer"/>. The names follow LightGBM/FastTree; the
/// XGBoost equivalents are given so a comparison can match them.
/// </summary>
public sealed record GradientBoostingOptions
{
    /// <summary>Boosting rounds; each round grows one tree per class (XGBoost num_round).</summary>
    public int Rounds { get; init; } = 200;

    /// <summary>Most leaves per tree; trees grow best-first (XGBoost max_leaves with grow_policy=lossguide).</summary>
    public int Leaves { get; init; } = 31;

    /// <summary>Deepest a leaf may be; 0 means no limit besides <see cref="Leaves"/> (XGBoost max_depth).</summary>
    public int MaxDepth { get; init; }

    /// <summary>Fewest training rows in a leaf (LightGBM min_data_in_leaf; XGBoost has no row-count limit).</summary>
    public int MinExamplesPerLeaf { get; init; } = 5;

    /// <summary>Smallest hessian sum in a leaf (XGBoost min_child_weight).</summary>
    public double MinHessianPerLeaf { get; init; } = 1e-3;

    /// <summary>Shrinkage of every leaf value (XGBoost eta).</summary>
    public double LearningRate { get; init; } = 0.2;

    /// <summary>L2 penalty on leaf values (XGBoost lambda).</summary>
    public double L2 { get; init; } = 1.0;

    /// <summary>Smallest loss reduction a split must bring (XGBoost gamma).</summary>
    public double MinSplitGain { get; init; }

    /// <summary>Share of rows each round's trees see, drawn with the seed (XGBoost subsample).</summary>
    public double RowSubsample { get; init; } = 1.0;

    /// <summary>Share of features each tree may split on, drawn with the seed (XGBoost colsample_bytree).</summary>
    public double FeatureSubsample { get; init; } = 1.0;

    /// <summary>Most histogram bins per feature, the zero bin included (XGBoost max_bin).</summary>
    public int MaxBins { get; init; } = 64;

    /// <summary>
    /// Stop when the held-out log-loss has not improved for this many rounds and keep the best
    /// round's trees; 0 trains every round on all rows.
    /// </summary>
    public int EarlyStoppingRounds { get; init; } = 20;

    /// <summary>Share of the training rows (whole groups when the data has them) held out for early stopping.</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>Seeds the hold-out split and the row and feature sampling.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Trees of one round grown at once (one per class); results do not depend on it, so it is not saved.</summary>
    [JsonIgnore]
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    public GradientBoostingOptions Validate()
    {
        if (Rounds < 1) throw new ArgumentOutOfRangeException(nameof(Rounds), Rounds, "Rounds must be at least 1.");
        if (Leaves < 2) throw new ArgumentOutOfRangeException(nameof(Leaves), Leaves, "A tree needs at least 2 leaves.");
        if (MaxDepth < 0) throw new ArgumentOutOfRangeException(nameof(MaxDepth), MaxDepth, "MaxDepth must be 0 (no limit) or positive.");
        if (MinExamplesPerLeaf < 1) throw new ArgumentOutOfRangeException(nameof(MinExamplesPerLeaf), MinExamplesPerLeaf, "A leaf needs at least 1 row.");
        if (!(MinHessianPerLeaf >= 0)) throw new ArgumentOutOfRangeException(nameof(MinHessianPerLeaf), MinHessianPerLeaf, "MinHessianPerLeaf must be non-negative.");
        if (!(LearningRate > 0 && LearningRate <= 1)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be in (0, 1].");
        if (!(L2 >= 0) || double.IsInfinity(L2)) throw new ArgumentOutOfRangeException(nameof(L2), L2, "L2 must be finite and non-negative.");
        if (!(MinSplitGain >= 0) || double.IsInfinity(MinSplitGain)) throw new ArgumentOutOfRangeException(nameof(MinSplitGain), MinSplitGain, "MinSplitGain must be finite and non-negative.");
        if (!(RowSubsample > 0 && RowSubsample <= 1)) throw new ArgumentOutOfRangeException(nameof(RowSubsample), RowSubsample, "RowSubsample must be in (0, 1].");
        if (!(FeatureSubsample > 0 && FeatureSubsample <= 1)) throw new ArgumentOutOfRangeException(nameof(FeatureSubsample), FeatureSubsample, "FeatureSubsample must be in (0, 1].");
        if (MaxBins < 3 || MaxBins > 65536) throw new ArgumentOutOfRangeException(nameof(MaxBins), MaxBins, "MaxBins must be in [3, 65536] (a zero bin and one bin for each sign).");
        if (EarlyStoppingRounds < 0) throw new ArgumentOutOfRangeException(nameof(EarlyStoppingRounds), EarlyStoppingRounds, "EarlyStoppingRounds must be 0 (off) or positive.");
        if (!(ValidationFraction >= 0 && ValidationFraction < 1)) throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction, "ValidationFraction must be in [0, 1).");
        if (MaxParallelism < 1) throw new ArgumentOutOfRangeException(nameof(MaxParallelism), MaxParallelism, "MaxParallelism must be at least 1.");
        return this;
    }
}
