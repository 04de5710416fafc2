using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using StanceLab.Cli.Rendering;
using StanceLab.Data;
using StanceLab.Evaluation;
using StanceLab.Modeling;

namespace StanceLab.Cli.Commands;

/// <summary>
/// <c>stancelab tune</c>: grouped cross-validation over a grid of regularization strengths, word
/// n-gram lengths and character n-grams, inside the given data only; prints the grid ranked by
/// mean macro-F1 over the heads and the train command for the winner.
/// </summary>
internal static class TuneCommand
{
    public static Command Create(CliIo io)
    {
        var data = CommonOptions.Data("Labelled TSV files (training data only: never tune on a test set).");
        var labels = new Option<string>("--labels") { Description = "Label columns (heads).", DefaultValueFactory = _ => "topic,stance" };
        var folds = new Option<int>("--folds") { Description = "Folds of grouped cross-validation.", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 42, Description = "Seed for the fold assignment." };
        var cs = new Option<string>("--c") { Description = "Regularization strengths to try.", DefaultValueFactory = _ => "1,3,10,30" };
        var words = new Option<string>("--word-ngrams") { Description = "Longest word n-grams to try.", DefaultValueFactory = _ => "1,2" };
        var chars = new Option<string>("--char-ngrams") { Description = "Character n-gram ranges to try ('off' for none).", DefaultValueFactory = _ => "off,3-5" };
        var nb = new Option<string>("--nb-weighting") { Description = "NB weighting to try: off, on, or off,on (on needs two-class heads).", DefaultValueFactory = _ => "off" };
        var minDf = new Option<int>("--min-df") { DefaultValueFactory = _ => 2, Description = "Minimum document frequency (fixed)." };
        var encoder = new ChoiceOption<Encoders.SentenceEncoderKind>("--encoder", "Sentence encoder (fixed): minilm or none.", TrainingOptions.Recommended.Featurizer.Encoder, Enum.GetValues<Encoders.SentenceEncoderKind>());
        var classWeight = new ChoiceOption<Learning.Linear.ClassWeighting>("--class-weight", "Class weighting (fixed): none or balanced.", TrainingOptions.Recommended.Linear.ClassWeighting, Enum.GetValues<Learning.Linear.ClassWeighting>());
        var format = CommonOptions.Format("table, json or markdown.", OutputFormat.Table, OutputFormat.Json, OutputFormat.Markdown);
        var command = new Command("tune", "Choose options by grouped cross-validation over a grid; print the grid ranked by macro-F1.")
        {
            data, labels, folds, seed, cs, words, chars, nb, minDf, encoder, classWeight, format,
        };
        command.SetAction(parse => CommandGuard.Run(io, () =>
        {
            var files = DataFiles.Expand(parse.GetValue(data)!);
            var baseOptions = new TrainingOptions
            {
                LabelColumns = CommonOptions.SplitList(parse.GetValue(labels)!),
                Seed = parse.GetValue(seed),
                Featurizer = new Features.FeaturizerOptions { MinDocumentFrequency = parse.GetValue(minDf), Encoder = encoder.Value(parse) },
                Linear = new Learning.Linear.LogisticRegressionOptions { ClassWeighting = classWeight.Value(parse) },
            };
            IReadOnlyList<TuningCandidate> grid;
            try
            {
                grid = OptionsTuner.Grid(baseOptions,
                    CommonOptions.SplitList(parse.GetValue(cs)!).Select(v => ParseNumber(v, "--c")).ToArray(),
                    CommonOptions.SplitList(parse.GetValue(words)!).Select(v => (int)ParseNumber(v, "--word-ngrams")).ToArray(),
                    CommonOptions.SplitList(parse.GetValue(chars)!).Select(TrainCommand.ParseCharNgrams).ToArray(),
                    CommonOptions.SplitList(parse.GetValue(nb)!).Select(ParseOnOff).ToArray());
            }
            catch (ArgumentException e)
            {
                throw OptionNames.Refusal(e);
            }
            int k = parse.GetValue(folds);
            if (k < 2) throw new UsageException($"--folds {k}: tuning needs 2 or more folds.");
            var rows = TsvCorpusReader.ReadAll(files, baseOptions.LabelColumns);
            int sources = rows.Select(r => r.Source).Distinct(StringComparer.Ordinal).Count();
            if (k > sources) throw new UsageException($"--folds {k}: the data has only {Formatting.Count(sources, "source")}; use --folds {sources} or fewer.");
            if (grid.Any(g => g.Options.NaiveBayesWeighting))
            {
                // Refuse before tuning starts, not when the first NB candidate reaches such a head.
                foreach (var column in baseOptions.LabelColumns)
                {
                    int classes = rows.Select(r => r.Label(column)).Distinct(StringComparer.Ordinal).Count();
                    if (classes != 2)
                        throw new UsageException($"--nb-weighting on: NB weighting needs two-class heads, and '{column}' has {classes} classes; tune it with --nb-weighting off.");
                }
            }
            var results = ProgressDisplay.Run(io, $"Tuning {grid.Count} candidates", p => OptionsTuner.Run(rows, grid, k, p));
            var best = OptionsTuner.Best(results);
            string train = TrainLine(files, best.Candidate.Options);
            var cValues = grid.Select(g => g.Options.Linear.C).Distinct().Order().ToArray();
            if (cValues.Length > 1 && (best.Candidate.Options.Linear.C == cValues[0] || best.Candidate.Options.Linear.C == cValues[^1]))
                io.ErrorWriter.WriteLine($"warning: the best C ({best.Candidate.Options.Linear.C.ToString(CultureInfo.InvariantCulture)}) is at the edge of the grid ({string.Join(", ", cValues.Select(c => c.ToString(CultureInfo.InvariantCulture)))}); try values beyond it.");
            switch (format.Value(parse))
            {
                case OutputFormat.Json: TuneView.Json(io.Output, results, best, train); break;
                case OutputFormat.Markdown: io.Output.Write(TuneView.Markdown(results, best, train)); break;
                default: TuneView.Render(io.Output, results, best, train); break;
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static bool ParseOnOff(string value) => value switch
    {
        "on" => true,
        "off" => false,
        _ => throw new UsageException($"--nb-weighting: '{value}' is neither 'on' nor 'off'."),
    };

    private static double ParseNumber(string value, string option) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new UsageException($"{option}: '{value}' is not a positive number.");

    private static string TrainLine(IReadOnlyList<string> files, TrainingOptions o)
    {
        string chars = o.Featurizer.UsesCharNgrams ? $"{o.Featurizer.MinCharNgram}-{o.Featurizer.MaxCharNgram}" : "off";
        // The seed also orders SDCA's passes, so the suggested command repeats it to train the model that was scored.
        // --out never names the shipped model, so pasting the command cannot overwrite it.
        return $"stancelab train --data {string.Join(' ', files)} --out models/tuned.stancelab --labels {string.Join(',', o.LabelColumns)} --seed {o.Seed} " +
            $"--c {o.Linear.C.ToString(CultureInfo.InvariantCulture)} --word-ngrams {o.Featurizer.MaxWordNgram} --char-ngrams {chars} --min-df {o.Featurizer.MinDocumentFrequency} " +
            $"--encoder {o.Featurizer.Encoder.ToString().ToLowerInvariant()} --class-weight {o.Linear.ClassWeighting.ToString().ToLowerInvariant()}{(o.NaiveBayesWeighting ? " --nb-weighting" : "")}";
    }
}
