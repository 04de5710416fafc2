using System.CommandLine;
using StanceLab.Learning.Trees;
using StanceLab.Modeling;

namespace StanceLab.Cli.Commands;

/// <summary>
/// The options that choose each head's learner (<c>--trainer</c>) and set the boosted trees
/// (<c>--trees-*</c>, ML.NET FastTree), shared by the commands that train.
/// </summary>
internal sealed class TrainerOptions
{
    private static readonly FastTreeOptions Defaults = new();

    public Option<string> Trainer { get; } = new("--trainer")
    {
        Description = "linear, fasttree or stacked for every head, or per head as COLUMN=KIND,... (e.g. topic=linear,stance=stacked). fasttree: ML.NET FastTree, one ensemble per class against the rest; stacked: FastTree over every head's linear probabilities and sentence cues.",
        DefaultValueFactory = _ => "linear",
    };
    public Option<int> Trees { get; } = new("--trees-count") { Description = "FastTree trees per class.", DefaultValueFactory = _ => Defaults.Trees };
    public Option<int> Leaves { get; } = new("--trees-leaves") { Description = "Most leaves per tree.", DefaultValueFactory = _ => Defaults.Leaves };
    public Option<int> MinLeaf { get; } = new("--trees-min-leaf") { Description = "Fewest sentences in a leaf.", DefaultValueFactory = _ => Defaults.MinExamplesPerLeaf };
    public Option<double> LearningRate { get; } = new("--trees-learning-rate") { Description = "Shrinkage of each tree.", DefaultValueFactory = _ => Defaults.LearningRate };
    public Option<double> FeatureFraction { get; } = new("--trees-feature-fraction") { Description = "Share of features each tree may split on.", DefaultValueFactory = _ => Defaults.FeatureFraction };
    public Option<int> MaxBins { get; } = new("--trees-max-bins") { Description = "Histogram bins per feature.", DefaultValueFactory = _ => Defaults.MaxBins };

    public IEnumerable<Option> All => [Trainer, Trees, Leaves, MinLeaf, LearningRate, FeatureFraction, MaxBins];

    /// <summary><paramref name="options"/> with the parsed learners and tree settings.</summary>
    public TrainingOptions Apply(ParseResult parse, TrainingOptions options)
    {
        var (defaultKind, perHead) = ParseTrainer(parse.GetValue(Trainer)!);
        return options with
        {
            DefaultTrainer = defaultKind,
            Trainers = perHead,
            Trees = new FastTreeOptions
            {
                Trees = parse.GetValue(Trees),
                Leaves = parse.GetValue(Leaves),
                MinExamplesPerLeaf = parse.GetValue(MinLeaf),
                LearningRate = parse.GetValue(LearningRate),
                FeatureFraction = parse.GetValue(FeatureFraction),
                MaxBins = parse.GetValue(MaxBins),
            },
        };
    }

    /// <summary>"fasttree" sets every head; "topic=linear,stance=fasttree" sets heads one by one (the rest stay linear).</summary>
    internal static (TrainerKind Default, IReadOnlyDictionary<string, TrainerKind> PerHead) ParseTrainer(string value)
    {
        var parts = CommonOptions.SplitList(value);
        if (parts.Count == 0) throw new UsageException("--trainer is empty: use linear, fasttree, stacked, or COLUMN=KIND,...");
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
        "fasttree" => TrainerKind.Trees,
        "stacked" => TrainerKind.Stacked,
        _ => throw new UsageException($"--trainer {whole}: '{name}' is not a trainer; use linear, fasttree or stacked."),
    };
}
