using System.Globalization;
using StanceLab.Features;
using StanceLab.Learning.Trees;

namespace StanceLab.Bench;

/// <summary>
/// The boosted-trees settings both StanceLab and XGBoost get in the trees comparison, and the
/// features both learn from (StanceLab's featurizer, word 1–2-grams without character n-grams).
/// </summary>
public sealed record TreeSettings(int Rounds, int Leaves, double LearningRate, double L2, int MaxBins, double MinHessian)
{
    public static TreeSettings Default { get; } = new(Rounds: 50, Leaves: 31, LearningRate: 0.2, L2: 1.0, MaxBins: 64, MinHessian: 1.0);

    public static FeaturizerOptions Features { get; } = new() { MinCharNgram = 0, MaxCharNgram = 0 };

    /// <summary>Ours: ML.NET FastTree, one ensemble of <see cref="Rounds"/> trees per class against the rest (FastTree has no L2 on leaves nor a hessian minimum).</summary>
    public FastTreeOptions Ours() => new()
    {
        Trees = Rounds,
        Leaves = Leaves,
        LearningRate = LearningRate,
        MaxBins = MaxBins,
        MinExamplesPerLeaf = 1,
    };

    /// <summary>The same as stancelab train options.</summary>
    public string[] OurCliArguments() =>
    [
        "--trainer", "fasttree", "--char-ngrams", "off", "--encoder", "none", "--class-weight", "none",
        "--trees-count", I(Rounds), "--trees-leaves", I(Leaves), "--trees-learning-rate", D(LearningRate),
        "--trees-max-bins", I(MaxBins), "--trees-min-leaf", "1",
    ];

    /// <summary>XGBoost's configuration file: hist method, best-first (lossguide) growth to the same leaf budget, 2 threads.</summary>
    public string XgboostConfig(int classes, string trainLibSvm, string modelPath) => string.Join('\n',
    [
        "booster = gbtree",
        "objective = multi:softprob",
        $"num_class = {classes}",
        "tree_method = hist",
        "grow_policy = lossguide",
        $"max_leaves = {Leaves}",
        "max_depth = 0",
        $"max_bin = {MaxBins}",
        $"eta = {D(LearningRate)}",
        $"lambda = {D(L2)}",
        $"min_child_weight = {D(MinHessian)}",
        "nthread = 2",
        "seed = 42",
        $"num_round = {Rounds}",
        $"data = \"{trainLibSvm}?format=libsvm&indexing_mode=1\"",
        $"model_out = \"{modelPath}\"",
        "",
    ]);

    public string Describe() =>
        $"{Rounds} rounds, at most {Leaves} leaves grown best-first (XGBoost grow_policy=lossguide, max_depth=0), eta {D(LearningRate)}, lambda {D(L2)}, " +
        $"{MaxBins} bins (max_bin), min_child_weight {D(MinHessian)}, 2 threads, no early stopping; StanceLab: ML.NET FastTree one-versus-rest with the same trees, leaves, rate and bins, one thread";

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
    private static string D(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
