using System.CommandLine;
using System.Globalization;

namespace StanceLab.Bench;

/// <summary>Command-line options of the bench, parsed by System.CommandLine: an unknown flag or a bad value is an error, never ignored.</summary>
public sealed record BenchOptions
{
    public bool Quick { get; init; }
    public IReadOnlyList<string> Datasets { get; init; } = DatasetLoader.All;
    public int Runs { get; init; } = 3;
    public bool KeepWork { get; init; }
    public IReadOnlyList<string>? Tools { get; init; }
    public bool OptimizerOnly { get; init; }

    /// <summary>--trees: the boosted-trees comparison (StanceLab trees, XGBoost, StanceLab linear) instead of the linear bench.</summary>
    public bool Trees { get; init; }

    /// <summary>Only rewrite results/README.md from the saved JSON of every data set.</summary>
    public bool Summarize { get; init; }

    /// <summary>Also run StanceLab tuned by nested cross-validation (off with --no-tuned: it is the slowest system).</summary>
    public bool Tuned { get; init; } = true;
    public bool DatasetsGiven { get; init; }

    /// <summary>--scale: training time on 100k, 200k, 500k and 1M sentences the bench builds (or --sizes N,N,...).</summary>
    public bool Scale { get; init; }
    public IReadOnlyList<int>? Sizes { get; init; }

    /// <summary>--deletion: the explanation deletion check on training-data/.</summary>
    public bool Deletion { get; init; }

    /// <summary>--mlnet-consumer: scoring through ML.NET against StanceLab's own path.</summary>
    public bool MlNetConsumer { get; init; }

    /// <summary>--serve-load: the scoring service under concurrent clients.</summary>
    public bool ServeLoad { get; init; }

    /// <summary>Skip the ML.NET FeaturizeText rows (--no-featurize-text).</summary>
    public bool FeaturizeText { get; init; } = true;

    /// <summary>--merge-from DIR: rows of systems this run skipped are taken from that earlier run's JSON (named in the protocol line).</summary>
    public string? MergeFrom { get; init; }

    /// <summary>The options, or the errors that make the command line unusable (none and no options: help was shown).</summary>
    public static (BenchOptions? Options, IReadOnlyList<string> Errors) Parse(string[] args)
    {
        var quick = new Option<bool>("--quick") { Description = "One small slice of SUBJ, one run: proves the bench works (CI); times nothing." };
        var datasets = new Option<string[]>("--datasets")
        {
            Description = $"Comma-separated data sets (default: all of {string.Join(", ", DatasetLoader.All)}).",
            CustomParser = result => SplitList(result.Tokens.Select(t => t.Value)),
        };
        var runs = new Option<int>("--runs") { Description = "Timed runs on the first split (median reported).", DefaultValueFactory = _ => 3 };
        var tools = new Option<string[]>("--tools")
        {
            Description = $"Comma-separated reference tools (default: all of {string.Join(", ", PeerRunner.Tools.Select(t => t.Tool))}).",
            CustomParser = result => SplitList(result.Tokens.Select(t => t.Value)),
        };
        var keepWork = new Option<bool>("--keep-work") { Description = "Keep results/tmp (split files, models, predictions)." };
        var optimizerOnly = new Option<bool>("--optimizer-only") { Description = "Only our solvers against scikit-learn on the same features (results/optimizer.md)." };
        var trees = new Option<bool>("--trees") { Description = "Boosted trees: StanceLab FastTree against XGBoost (results/trees.md)." };
        var noTuned = new Option<bool>("--no-tuned") { Description = "Skip StanceLab tuned by nested cross-validation (the slowest system)." };
        var summarize = new Option<bool>("--summarize") { Description = "Only rebuild results/README.md from the saved JSON." };
        var scale = new Option<bool>("--scale") { Description = "Whole-process training time on 100k to 1M sentences (results/scale.md)." };
        var sizes = new Option<int[]>("--sizes")
        {
            Description = "Comma-separated sizes for --scale.",
            CustomParser = result =>
            {
                var values = SplitList(result.Tokens.Select(t => t.Value));
                foreach (var value in values.Where(v => !int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
                    result.AddError($"--sizes: '{value}' is not a whole number");
                return values.Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 0).ToArray();
            },
        };
        var mlNetConsumer = new Option<bool>("--mlnet-consumer") { Description = "Scoring through ML.NET (PredictionEngine, Transform) against StanceLab's own path (results/mlnet-consumer.md)." };
        var serveLoad = new Option<bool>("--serve-load") { Description = "stancelab serve under 1, 4 and 16 concurrent clients: throughput, p50/p95/p99 latency, memory (results/serve.md)." };
        var noFeaturizeText = new Option<bool>("--no-featurize-text") { Description = "Skip the ML.NET FeaturizeText rows." };
        var mergeFrom = new Option<string?>("--merge-from") { Description = "A folder of an earlier full run's JSON: rows of the systems this run skips (--no-tuned, --no-featurize-text) are taken from it, and the tables say so." };
        var deletion = new Option<bool>("--deletion") { Description = "The explanation deletion check on training-data/ (results/deletion.md)." };

        var root = new RootCommand("StanceLab side by side with fastText, scikit-learn and LIBLINEAR on the data sets of ../shared/datasets.")
        {
            quick, datasets, runs, tools, keepWork, optimizerOnly, trees, noTuned, summarize, scale, sizes, deletion, mlNetConsumer, serveLoad, noFeaturizeText, mergeFrom,
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0) return (null, parse.Errors.Select(e => e.Message).ToArray());
        if (parse.Action is System.CommandLine.Help.HelpAction)
        {
            parse.Invoke();
            return (null, []);
        }

        var errors = new List<string>();
        var chosen = parse.GetValue(datasets);
        foreach (var name in chosen ?? []) if (!DatasetLoader.All.Contains(name)) errors.Add($"--datasets: unknown data set '{name}' (known: {string.Join(", ", DatasetLoader.All)})");
        var chosenTools = parse.GetValue(tools);
        foreach (var tool in chosenTools ?? []) if (PeerRunner.Tools.All(t => t.Tool != tool)) errors.Add($"--tools: unknown tool '{tool}' (known: {string.Join(", ", PeerRunner.Tools.Select(t => t.Tool))})");
        int runCount = parse.GetValue(runs);
        if (runCount < 1) errors.Add($"--runs must be at least 1, got {runCount}");
        var sizeList = parse.GetValue(sizes);
        if (sizeList?.Any(n => n < 1) == true) errors.Add("--sizes must all be positive");
        if (errors.Count > 0) return (null, errors);

        bool isQuick = parse.GetValue(quick);
        return (new BenchOptions
        {
            Quick = isQuick,
            Datasets = chosen is { Length: > 0 } ? chosen : isQuick ? ["subj"] : DatasetLoader.All,
            DatasetsGiven = chosen is { Length: > 0 },
            Runs = isQuick && parse.GetResult(runs) is null or { Implicit: true } ? 1 : runCount,
            // An option not given parses as an empty list: that means every tool, not none.
            Tools = chosenTools is { Length: > 0 } ? chosenTools : null,
            KeepWork = parse.GetValue(keepWork),
            OptimizerOnly = parse.GetValue(optimizerOnly),
            Trees = parse.GetValue(trees),
            Tuned = !parse.GetValue(noTuned),
            Summarize = parse.GetValue(summarize),
            Scale = parse.GetValue(scale),
            Sizes = sizeList,
            Deletion = parse.GetValue(deletion),
            MlNetConsumer = parse.GetValue(mlNetConsumer),
            ServeLoad = parse.GetValue(serveLoad),
            FeaturizeText = !parse.GetValue(noFeaturizeText),
            MergeFrom = parse.GetValue(mergeFrom),
        }, []);
    }

    private static string[] SplitList(IEnumerable<string> tokens) =>
        tokens.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
}
