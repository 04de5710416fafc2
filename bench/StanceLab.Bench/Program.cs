using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using StanceLab.Bench;

// The side-by-side benchmark: StanceLab's default linear pipeline and the reference tools on the
// same splits of every data set in ../shared/datasets, measured in one run on this machine.
//
//   dotnet run --project bench/StanceLab.Bench -c Release -- [--quick] [--datasets subj,mr] [--runs 3]
//
// --quick: one small slice of SUBJ, one run: proves the bench works (CI), times nothing.
// --trees: StanceLab's boosted trees vs XGBoost on the same features (AG-sub and SUBJ unless --datasets).
// --scale: whole-process training time on 100k to 1M sentences built from the data sets.
// --deletion: the explanation deletion check on training-data/ (results/deletion.md).
// --serve-load: stancelab serve under N concurrent clients: throughput, latency percentiles, memory (results/serve.md).
// --mlnet-consumer: scoring through ML.NET (PredictionEngine, Transform) against StanceLab's own path (results/mlnet-consumer.md).
var parsed = BenchOptions.Parse(args);
if (parsed.Options is not { } options)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine($"error: {error}");
    return parsed.Errors.Count == 0 ? 0 : 2;
}
if (Console.IsOutputRedirected)
{
    // A file or a pipe gets plain text: no colour codes, and tables as wide as their content needs.
    AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Out = new AnsiConsoleOutput(Console.Out),
    });
    AnsiConsole.Profile.Width = 240;
}
var root = FindRoot();
var datasetsDir = Environment.GetEnvironmentVariable("STANCELAB_DATASETS") is { Length: > 0 } fromEnvironment
    ? Path.GetFullPath(fromEnvironment)
    : Path.GetFullPath(Path.Combine(root, "..", "shared", "datasets"));
if (!Directory.Exists(datasetsDir))
{
    Console.Error.WriteLine($"error: the data sets are not at {datasetsDir}: put shared/ beside the repository or set STANCELAB_DATASETS.");
    return 2;
}
var results = Path.Combine(root, "bench", "results");
if (options.Deletion) return DeletionCheck.Run(root, results, options.Quick);
if (options.MlNetConsumer) return MlNetConsumerCheck.Run(root, results, options.Quick);
var work = Path.Combine(results, "tmp");
Directory.CreateDirectory(work);

if (options.Summarize)
{
    // Rewrites results/README.md (targets, then every table) from the JSON of the last full run.
    var saved = DatasetLoader.All.Select(name => ReportWriter.FromJson(File.ReadAllText(Path.Combine(results, $"{name}.json")))).ToArray();
    TargetSummary.Print(AnsiConsole.Console, saved);
    File.WriteAllText(Path.Combine(results, "README.md"), Summary(saved, rebuilt: true));
    return 0;
}

Console.Error.WriteLine("Building the stancelab command (Release) ...");
// Time the program as it ships (published, precompiled with ReadyToRun), from a private copy, so
// rebuilding the repository while the bench runs cannot swap the program under it.
var cliCopy = Path.Combine(work, "cli");
if (Directory.Exists(cliCopy)) Directory.Delete(cliCopy, recursive: true);
var build = ProcessTimer.Run("dotnet", ["publish", Path.Combine(root, "src", "StanceLab.Cli"), "-c", "Release", "--use-current-runtime", "-o", cliCopy, "-v", "q", "-nologo"], root);
if (build.ExitCode != 0) { Console.Error.WriteLine(build.Output + build.Error); return 1; }
var cli = Path.Combine(cliCopy, "stancelab.dll");
if (options.ServeLoad)
{
    int code = ServeLoadCheck.Run(root, results, cli, options.Quick);
    if (!options.KeepWork) Directory.Delete(work, recursive: true);
    return code;
}
OursRunner[] ourSystems = [new OursRunner(cli), new OursRunner(cli, naiveBayes: true)];
MlNetFeaturizeTextRunner[] mlNetSystems = options.FeaturizeText ? [new(configured: false), new(configured: true)] : [];
var peers = new PeerRunner(Path.Combine(root, "bench", "peers.py"));
var tools = options.Tools is null ? PeerRunner.Tools : PeerRunner.Tools.Where(t => options.Tools.Contains(t.Tool)).ToArray();

if (options.OptimizerOnly)
{
    var lines = new List<string>
    {
        "# Optimizer only: StanceLab's solvers vs scikit-learn's LogisticRegression on the same features",
        "",
        "Written by `dotnet run --project bench/StanceLab.Bench -c Release -- --optimizer-only`. Each data set's first split is featurized by StanceLab (default options), exported as libsvm, and all fit multinomial logistic regression with C = 10 in-process: the median of 3 fits each; loading is not timed. Each of our solvers is compared with scikit-learn (lbfgs, default tol 1e-4) on its own objective: SDCA (our default; stops at a duality gap of 1e-4 per row) penalizes the intercept as a constant feature, so scikit-learn fits `fit_intercept=False` with a constant column; our L-BFGS (gradient tolerance 1e-5) leaves the intercept unpenalized, as scikit-learn does by default.",
        "",
        "| data set | training rows | StanceLab SDCA fit s | scikit-learn, penalized intercept, fit s | scikit-learn ÷ SDCA | StanceLab L-BFGS fit s | scikit-learn fit s | scikit-learn ÷ L-BFGS |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    };
    foreach (var name in options.Datasets)
    {
        var data = DatasetLoader.Load(datasetsDir, name);
        var dir = Path.Combine(work, name, "split-0");
        Directory.CreateDirectory(dir);
        var (sdcaFit, lbfgsFit, sklearnFit, sklearnPenalizedFit) = OptimizerOnly(ourSystems[0], data, data.Splits[0], dir, root);
        string Ratio(double theirs, double ours) => double.IsFinite(theirs) ? (theirs / ours).ToString("0.00", CultureInfo.InvariantCulture) + "×" : "–";
        string Seconds(double s) => double.IsFinite(s) ? s.ToString("0.000", CultureInfo.InvariantCulture) : "not available";
        var line = $"| {data.Name} | {data.Splits[0].Train.Count:N0} | {Seconds(sdcaFit)} | {Seconds(sklearnPenalizedFit)} | {Ratio(sklearnPenalizedFit, sdcaFit)} | {Seconds(lbfgsFit)} | {Seconds(sklearnFit)} | {Ratio(sklearnFit, lbfgsFit)} |";
        Console.WriteLine(line);
        lines.Add(line);
    }
    File.WriteAllLines(Path.Combine(results, "optimizer.md"), lines);
    if (!options.KeepWork) Directory.Delete(work, recursive: true);
    return 0;
}

if (options.Trees)
    return TreesComparison(options, datasetsDir, work, results, ourSystems[0], cli);
if (options.Scale)
{
    int code = ScaleCheck.Run(datasetsDir, work, results, cli, options.Quick ? [20_000, 40_000] : options.Sizes ?? ScaleCheck.Sizes);
    if (!options.KeepWork) Directory.Delete(work, recursive: true);
    return code;
}

var reports = new List<DatasetReport>();
foreach (var name in options.Datasets)
{
    var data = DatasetLoader.Load(datasetsDir, name);
    var splits = options.Quick ? [Slice(data.Splits[0], 2000, 500)] : data.Splits;
    var log = new RunLog();
    var tunedChoices = new List<string>();

    for (int s = 0; s < splits.Count; s++)
    {
        var split = splits[s];
        var dir = Path.Combine(work, name, $"split-{s}");
        Directory.CreateDirectory(dir);
        var trainTsv = Write(Path.Combine(dir, "train.tsv"), data, split.Train);
        var testTsv = Write(Path.Combine(dir, "test.tsv"), data, split.Test);
        int runs = s == 0 ? options.Runs : 1;
        for (int run = 0; run < runs; run++)
        {
            foreach (var ours in ourSystems)
            {
                Console.Error.WriteLine($"{data.Name} {split.Name} run {run + 1}/{runs}: {ours.Name}");
                if (ours.Name == OursRunner.NaiveBayesName && data.Rows.Select(r => r.Label).Distinct().Count() != 2)
                {
                    log.Add(new FoldResult { System = ours.Name, Available = false, Reason = "NB weighting is for two-class data" }, s, run);
                    continue;
                }
                log.Add(ours.Run(data, split, trainTsv, testTsv, dir), s, run);
            }
            if (run == 0)
            {
                // ML.NET's FeaturizeText before our trainer: in-process only, once per split.
                foreach (var featurizeText in mlNetSystems)
                {
                    Console.Error.WriteLine($"{data.Name} {split.Name}: {featurizeText.Name}");
                    log.Add(featurizeText.Run(data, split), s, run);
                }
            }
            if (run == 0 && options.Tuned)
            {
                // Deterministic and in-process only: once per split is enough.
                Console.Error.WriteLine($"{data.Name} {split.Name}: {OursTunedRunner.Name}");
                var (tuned, choice) = OursTunedRunner.Run(data, split);
                log.Add(tuned, s, run);
                tunedChoices.Add($"{split.Name}: {choice}");
            }
            foreach (var (tool, label) in tools)
            {
                Console.Error.WriteLine($"{data.Name} {split.Name} run {run + 1}/{runs}: {label}");
                log.Add(peers.Run(tool, label, trainTsv, testTsv, dir, data.Profile), s, run);
            }
        }
    }

    var systems = ourSystems.Select(o => o.Name).Concat(options.Tuned ? [OursTunedRunner.Name] : []).Concat(mlNetSystems.Select(m => m.Name)).Concat(tools.Select(t => t.Name))
        .Select(log.Summary)
        .ToArray();
    var (sdcaFit, lbfgsFit, sklearnFit, sklearnPenalizedFit) = OptimizerOnly(ourSystems[0], data, splits[0], Path.Combine(work, name, "split-0"), root);
    var protocol = data.Protocol + (options.Quick ? " (QUICK: 2,000-row slice of one split)" : "");
    if (options.MergeFrom is { } earlier)
    {
        // Systems this run skipped, from an earlier run of the same splits: accuracy is comparable, their times are that run's.
        var before = ReportWriter.FromJson(File.ReadAllText(Path.Combine(earlier, $"{name}.json")));
        var taken = before.Systems.Where(b => systems.All(s => s.System != b.System)).ToArray();
        if (taken.Length > 0)
        {
            systems = [.. systems.Take(ourSystems.Length), .. taken, .. systems.Skip(ourSystems.Length)];
            protocol += $"; rows {string.Join(", ", taken.Select(t => $"\"{t.System}\""))} are from an earlier run on the same splits (their in-process times were measured while other work shared the machine)";
            if (tunedChoices.Count == 0) tunedChoices = [.. before.TunedChoices];
        }
    }
    var report = new DatasetReport(data.Name, protocol,
        splits[0].Train.Count, splits[0].Test.Count, options.Runs, systems) { OurFitSeconds = sdcaFit, OurLbfgsFitSeconds = lbfgsFit, SklearnFitSeconds = sklearnFit, SklearnPenalizedFitSeconds = sklearnPenalizedFit, TunedChoices = tunedChoices };
    reports.Add(report);
    ReportWriter.Print(AnsiConsole.Console, report);
    if (!options.Quick)
    {
        File.WriteAllText(Path.Combine(results, $"{name}.md"), ReportWriter.Markdown(report));
        File.WriteAllText(Path.Combine(results, $"{name}.json"), ReportWriter.ToJson(report));
    }
}

TargetSummary.Print(AnsiConsole.Console, reports);
if (!options.Quick)
    File.WriteAllText(Path.Combine(results, options.Datasets.Count == DatasetLoader.All.Count ? "README.md" : "partial.md"), Summary(reports));
if (!options.KeepWork) Directory.Delete(work, recursive: true);
return 0;

// Boosted trees side by side: StanceLab trees and XGBoost on the same features with matched
// settings, and StanceLab's default linear pipeline for reference.
static int TreesComparison(BenchOptions options, string datasetsDir, string work, string results, OursRunner linear, string cli)
{
    var settings = TreeSettings.Default;
    var ours = new OurTreesRunner(cli, settings);
    var xgboost = new XgboostRunner(settings);
    var datasets = options.DatasetsGiven ? options.Datasets : ["ag-sub", "subj"];
    var reports = new List<DatasetReport>();
    foreach (var name in datasets)
    {
        var data = DatasetLoader.Load(datasetsDir, name);
        var splits = options.Quick ? [Slice(data.Splits[0], 1000, 300)] : data.Splits;
        var log = new RunLog();
        for (int s = 0; s < splits.Count; s++)
        {
            var split = splits[s];
            var dir = Path.Combine(work, name, $"trees-split-{s}");
            Directory.CreateDirectory(dir);
            var trainTsv = Write(Path.Combine(dir, "train.tsv"), data, split.Train);
            var testTsv = Write(Path.Combine(dir, "test.tsv"), data, split.Test);
            var features = TreeFeatures.Build(data, split, dir);
            int runs = s == 0 ? options.Runs : 1;
            for (int run = 0; run < runs; run++)
            {
                Console.Error.WriteLine($"{data.Name} {split.Name} run {run + 1}/{runs}: {OurTreesRunner.Name}");
                log.Add(ours.Run(data, split, features, trainTsv, testTsv, dir), s, run);
                Console.Error.WriteLine($"{data.Name} {split.Name} run {run + 1}/{runs}: {XgboostRunner.Name}");
                log.Add(xgboost.Run(features, dir), s, run);
                Console.Error.WriteLine($"{data.Name} {split.Name} run {run + 1}/{runs}: {linear.Name}");
                log.Add(linear.Run(data, split, trainTsv, testTsv, dir), s, run);
            }
        }
        var systems = new[] { OurTreesRunner.Name, XgboostRunner.Name, linear.Name }
            .Select(log.Summary).ToArray();
        var protocol = data.Protocol + (options.Quick ? " (QUICK: 1,000-row slice of one split)" : "") + "; trees: " + settings.Describe()
            + "; tree features: StanceLab word 1–2-grams (min df 2, no character n-grams); the linear row uses its default features";
        var report = new DatasetReport(data.Name, protocol, splits[0].Train.Count, splits[0].Test.Count, options.Runs, systems);
        reports.Add(report);
        ReportWriter.Print(AnsiConsole.Console, report);
    }
    if (!options.Quick)
    {
        var md = "# Boosted trees: StanceLab vs XGBoost\n\nWritten by `dotnet run --project bench/StanceLab.Bench -c Release -- --trees` on "
            + DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + $" ({Environment.ProcessorCount} cores). "
            + "\"train s (in-process)\" for StanceLab trees is the fit alone on the featurized rows; XGBoost's train time is its whole process, libsvm parsing included. Ratios are StanceLab trees ÷ peer.\n\n"
            + string.Concat(reports.Select(ReportWriter.Markdown));
        File.WriteAllText(Path.Combine(results, "trees.md"), md);
        File.WriteAllText(Path.Combine(results, "trees.json"), ReportWriter.ToJson(reports));
    }
    if (!options.KeepWork) Directory.Delete(work, recursive: true);
    return 0;
}

// Our optimizer and scikit-learn's on the very same feature matrix (exported as libsvm).
// Each of our solvers against scikit-learn on its own objective: L-BFGS with the intercept
// unpenalized, SDCA with the intercept a penalized constant feature.
static (double Sdca, double Lbfgs, double Sklearn, double SklearnPenalized) OptimizerOnly(OursRunner ours, BenchDataset data, BenchSplit split, string dir, string root)
{
    Console.Error.WriteLine($"{data.Name}: optimizer-only timing on the first split");
    var (sdca, lbfgs, libsvm) = ours.OptimizerOnly(data, split, dir);
    double Sklearn(string intercept)
    {
        var run = ProcessTimer.Run("/usr/bin/python3", [Path.Combine(root, "bench", "fit_timing.py"), libsvm, "10", intercept], dir);
        if (run.ExitCode != 0) return double.NaN;
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        return json.RootElement.GetProperty("fitSeconds").GetDouble();
    }
    return (sdca, lbfgs, Sklearn("unpenalized"), Sklearn("penalized"));
}

static string Summary(IReadOnlyList<DatasetReport> reports, bool rebuilt = false) =>
    "# Benchmark results\n\n"
    + (rebuilt
        ? "Rebuilt by `--summarize` from the JSON that the last full run of `dotnet run --project bench/StanceLab.Bench -c Release` saved beside this file.\n\n"
        : "Written by `dotnet run --project bench/StanceLab.Bench -c Release` on " + DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + $" ({Environment.ProcessorCount} cores).\n\n")
    + TargetSummary.Markdown(reports)
    + string.Concat(reports.Select(ReportWriter.Markdown));

// Evenly spaced rows, not the first ones: data files are often sorted by class.
static BenchSplit Slice(BenchSplit split, int train, int test) =>
    new($"{split.Name} (slice)", Spread(split.Train, train), Spread(split.Test, test));

static int[] Spread(IReadOnlyList<int> rows, int count) =>
    rows.Count <= count ? rows.ToArray() : Enumerable.Range(0, count).Select(i => rows[(int)((long)i * rows.Count / count)]).ToArray();

static string Write(string path, BenchDataset data, IReadOnlyList<int> rows) =>
    SeparatedFiles.WriteLabelledTsv(path, rows.Select(i => data.Rows[i]));

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "StanceLab.sln"))) return dir.FullName;
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "StanceLab.sln"))) return dir.FullName;
    throw new InvalidOperationException("StanceLab.sln not found");
}
