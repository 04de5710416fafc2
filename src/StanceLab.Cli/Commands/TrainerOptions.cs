using System.CommandLine;
using StanceLab.Learning.Trees;
using StanceLab.Modeling;

namespace StanceLab.Cli.Commands;

/// <summary>
/// The options that choose each head's learner (<c>--trainer</c>) and set the boosted trees
/// (<c>--trees-*</c>), shared by the commands that train.
/// </summary>
internal sealed class TrainerOptions
{
    private static readonly GradientBoostingOptions Defaults = new();

    public Option<string> Trainer { get; } = new("--trainer")
    {
        Description = "linear, trees or stacked for every head, or per head as COLUMN=KIND,... (e.g. topic=linear,stance=stacked). stacked: boosted trees over every head's linear probabilities and sentence cues.",
        DefaultValueFactory = _ => "linear",
    };
    public Option<int> Rounds { get; } = new("--trees-rounds") { Description = "Boosting rounds (one tree per class each).", DefaultValueFactory = _ => Defaults.Rounds };
    public Option<int> Leaves { get; } = new("--trees-leaves") { Description = "Most leaves per tree.", DefaultValueFactory = _ => Defaults.Leaves };
    public Option<int> MaxDepth { get; } = new("--trees-max-depth") { Description = "Deepest leaf; 0 for no limit besides --trees-leaves.", DefaultValueFactory = _ => Defaults.MaxDepth };
    public Option<int> MinLeaf { get; } = new("--trees-min-leaf") { Description = "Fewest sentences in a leaf.", DefaultValueFactory = _ => Defaults.MinExamplesPerLeaf };
    public Option<double> MinHessian { get; } = new("--trees-min-hessian") { Description = "Smallest hessian sum in a leaf (XGBoost min_child_weight).", DefaultValueFactory = _ => Defaults.MinHessianPerLeaf };
    public Option<double> LearningRate { get; } = new("--trees-learning-rate") { Description = "Shrinkage of each tree (eta).", DefaultValueFactory = _ => Defaults.LearningRate };
    public Option<double> L2 { get; } = new("--trees-l2") { Description = "L2 penalty on leaf values (lambda).", DefaultValueFactory = _ => Defaults.L2 };
    public Option<double> RowSubsample { get; } = new("--trees-row-subsample") { Description = "Share of rows each round sees.", DefaultValueFactory = _ => Defaults.RowSubsample };
    public Option<double> FeatureSubsample { get; } = new("--trees-feature-subsample") { Description = "Share of features each tree may split on.", DefaultValueFactory = _ => Defaults.FeatureSubsample };
    public Option<int> MaxBins { get; } = new("--trees-max-bins") { Description = "Histogram bins per feature.", DefaultValueFactory = _ => Defaults.MaxBins };
    public Option<int> EarlyStopping { get; } = new("--trees-early-stopping") { Description = "Stop after this many rounds without a better held-out log-loss; 0 trains every round on all rows.", DefaultValueFactory = _ => Defaults.EarlyStoppingRounds };

    public IEnumerable<Option> All => [Trainer, Rounds, Leaves, MaxDepth, MinLeaf, MinHessian, LearningRate, L2, RowSubsample, FeatureSubsample, MaxBins, EarlyStopping];

    /// <summary><paramref name="options"/> with the parsed learners and tree settings.</summary>
    public TrainingOptions Apply(ParseResult parse, TrainingOptions options)
    {
        var (defaultKind, perHead) = ParseTrainer(parse.GetValue(Trainer)!);
        return options with
        {
            DefaultTrainer = defaultKind,
            Trainers = perHead,
            Trees = new GradientBoostingOptions
            {
                Rounds = parse.GetValue(Rounds),
                Leaves = parse.GetValue(Leaves),
                MaxDepth = parse.GetValue(MaxDepth),
                MinExamplesPerLeaf = parse.GetValue(MinLeaf),
                MinHessianPerLeaf = parse.GetValue(MinHessian),
                LearningRate = parse.GetValue(LearningRate),
                L2 = parse.GetValue(L2),
                RowSubsample = parse.GetValue(RowSubsample),
                FeatureSubsample = parse.GetValue(FeatureSubsample),
                MaxBins = parse.GetValue(MaxBins),
                EarlyStoppingRounds = parse.GetValue(EarlyStopping),
            },
        };
    }

    /// <summary>"trees" sets every head; "topic=linear,stance=trees" sets heads one by one (the rest stay linear).</summary>
    internal static (TrainerKind Default, IReadOnlyDictionary<string, TrainerKind> PerHead) ParseTrainer(string value)
    {
        var parts = CommonOptions.SplitList(value);
        if (parts.Count == 0) throw new UsageException("--trainer is empty: use linear, trees, or COLUMN=KIND,...");
        if (parts.Count == 1 && !parts[0].Contains('=', StringComparison.Ordinal))
            return (Kind(parts[0], value), new Dictionary<string, TrainerKind>());
        var perHead = new Dictionary<string, TrainerKind>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == part.Length - 1) throw new UsageException($"--trainer {value}: '{part}' is not COLUMN=KIND.");
            var column = part[..eq].Trim();
            if (!perHead.TryAdd(column, Kind(part[(eq + 1)..].Trim(), value)))
                throw new UsageException($"--trainer {value}: head '{column}' is named twice.");
        }
        return (TrainerKind.Linear, perHead);
    }

    private static TrainerKind Kind(string name, string whole) => name.ToLowerInvariant() switch
    {
        "linear" => TrainerKind.Linear,
        "trees" => TrainerKind.Trees,
        "stacked" => TrainerKind.Stacked,
        _ => throw new UsageException($"--trainer {whole}: '{name}' is not a trainer; use linear, trees or stacked."),
    };
}
