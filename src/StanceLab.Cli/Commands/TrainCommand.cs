using StanceLab.Json;
using System.CommandLine;
using Spectre.Console;
using StanceLab.Cli.Rendering;
using StanceLab.Data;
using StanceLab.Encoders;
using StanceLab.Evaluation;
using StanceLab.Features;
using StanceLab.Learning.Linear;
using StanceLab.Modeling;
using StanceLab.Persistence;

namespace StanceLab.Cli.Commands;

/// <summary><c>stancelab train</c>: grouped cross-validation report, then a model fitted on all the data.</summary>
internal static class TrainCommand
{
    public static Command Create(CliIo io)
    {
        var data = CommonOptions.Data("Labelled TSV files (or directories of them) to learn from.");
        var labels = new Option<string>("--labels") { Description = "Label columns to learn, one head each.", DefaultValueFactory = _ => "topic,stance" };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the model.", DefaultValueFactory = _ => ModelLocator.DefaultRelativePath };
        var folds = new Option<int>("--folds") { Description = "Folds of grouped cross-validation (sources stay together); 0 skips it.", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed for fold assignment and any sampling.", DefaultValueFactory = _ => 42 };
        var c = new Option<double>("--c") { Description = "Inverse L2 regularization strength (scikit-learn's C); larger fits the data more closely.", DefaultValueFactory = _ => new LogisticRegressionOptions().C };
        var maxIterations = new Option<int>("--max-iterations") { Description = "Most L-BFGS iterations, or SDCA passes over the data, per linear head.", DefaultValueFactory = _ => new LogisticRegressionOptions().MaxIterations };
        var solver = new ChoiceOption<LinearSolver>("--solver", "Which ML.NET trainer fits linear heads: lbfgs (LbfgsMaximumEntropy, scikit-learn's objective, unpenalized intercept) or sdca (SdcaMaximumEntropy, one thread).", new LogisticRegressionOptions().Solver, Enum.GetValues<LinearSolver>());
        var tolerance = new Option<double>("--tolerance") { Description = "Convergence tolerance of the linear heads' ML.NET optimizer (L-BFGS: relative objective improvement; SDCA: relative duality gap).", DefaultValueFactory = _ => new LogisticRegressionOptions().Tolerance };
        var classWeight = new ChoiceOption<ClassWeighting>("--class-weight", "none, or balanced: every class weighs the same in the loss.", TrainingOptions.Recommended.Linear.ClassWeighting, Enum.GetValues<ClassWeighting>());
        var minDf = new Option<int>("--min-df") { Description = "A feature must occur in at least this many sentences.", DefaultValueFactory = _ => new FeaturizerOptions().MinDocumentFrequency };
        var wordNgrams = new Option<int>("--word-ngrams") { Description = "Longest word n-gram.", DefaultValueFactory = _ => new FeaturizerOptions().MaxWordNgram };
        var charNgrams = new Option<string>("--char-ngrams") { Description = "Character n-gram lengths inside words, MIN-MAX, or 'off'.", DefaultValueFactory = _ => "3-5" };
        var encoder = new ChoiceOption<SentenceEncoderKind>("--encoder", "A sentence encoder whose embedding joins the n-gram features: minilm (all-MiniLM-L6-v2, run locally by ONNX Runtime) or none.", TrainingOptions.Recommended.Featurizer.Encoder, Enum.GetValues<SentenceEncoderKind>());
        var acrossWords = new Option<bool>("--char-ngrams-across-words") { Description = "Character n-grams run across word boundaries (spaces and neighbouring words included) instead of inside each word." };
        var nb = new Option<bool>("--nb-weighting") { Description = "Scale features by naive Bayes log-count ratios before the fit (NBSVM-style; two-class heads only)." };
        var stamp = new Option<bool>("--stamp") { Description = "Record the creation time in the model (the file then differs run to run)." };
        var curve = new Option<bool>("--learning-curve") { Description = "Instead of the cross-validation report, print a learning curve: the same grouped cross-validation trained on growing shares of each training part's sources." };
        var stacking = new Option<bool>("--stacking-report") { Description = "Instead of the cross-validation report, compare each head linear with the same head stacked (--trainer stacked), by grouped cross-validation on the same folds; slow." };
        var curvePoints = new Option<string>("--curve-points") { Description = "Shares of the sources for --learning-curve, in percent.", DefaultValueFactory = _ => "25,50,75,100" };
        var format = CommonOptions.Format("How to print the cross-validation report: table, json or markdown.", OutputFormat.Table, OutputFormat.Json, OutputFormat.Markdown);
        var trainers = new TrainerOptions();
        var calibration = new ChoiceOption<CalibrationKind>("--calibration", "temperature: fit a temperature per head on the cross-validation's out-of-fold probabilities and store it in the model (needs --folds above 0); none: keep the classifier's probabilities.", new TrainingOptions().Calibration, [CalibrationKind.Temperature, CalibrationKind.None]);

        var command = new Command("train", "Train a model from labelled sentences; print a grouped cross-validation report first.")
        {
            data, labels, output, folds, seed, c, solver, tolerance, maxIterations, classWeight, minDf, wordNgrams, charNgrams, acrossWords, encoder, nb, stamp, curve, curvePoints, format, calibration,
        };
        foreach (var option in trainers.All) command.Options.Add(option);
        command.Options.Add(stacking);
        command.SetAction(parse => CommandGuard.Run(io, () =>
        {
            var (minChar, maxChar) = ParseCharNgrams(parse.GetValue(charNgrams)!);
            var options = new TrainingOptions
            {
                LabelColumns = CommonOptions.SplitList(parse.GetValue(labels)!),
                Seed = parse.GetValue(seed),
                CreatedUtc = parse.GetValue(stamp) ? DateTimeOffset.UtcNow : null,
                NaiveBayesWeighting = parse.GetValue(nb),
                Calibration = calibration.Value(parse),
                Featurizer = new FeaturizerOptions
                {
                    MinDocumentFrequency = parse.GetValue(minDf),
                    MaxWordNgram = parse.GetValue(wordNgrams),
                    MinCharNgram = minChar,
                    MaxCharNgram = maxChar,
                    CharNgramsAcrossWords = parse.GetValue(acrossWords),
                    Encoder = encoder.Value(parse),
                },
                Linear = new LogisticRegressionOptions
                {
                    C = parse.GetValue(c),
                    Solver = solver.Value(parse),
                    Tolerance = parse.GetValue(tolerance),
                    ClassWeighting = classWeight.Value(parse),
                    MaxIterations = parse.GetValue(maxIterations),
                },
            };
            options = trainers.Apply(parse, options);
            var points = parse.GetValue(curve) ? ParseCurvePoints(parse.GetValue(curvePoints)!) : null;
            if (points is not null && parse.GetValue(stacking)) throw new UsageException("--learning-curve and --stacking-report each replace the cross-validation report: choose one.");
            var dataArguments = parse.GetValue(data)!;
            var schemaPath = CheckCommand.DefaultSchema(dataArguments);
            return Execute(io, DataFiles.Expand(dataArguments), schemaPath, options, parse.GetValue(folds), parse.GetValue(output)!, format.Value(parse), points, parse.GetValue(stacking));
        }));
        return command;
    }

    private static int Execute(CliIo io, IReadOnlyList<string> files, string? schemaPath, TrainingOptions options, int folds, string output, OutputFormat format, IReadOnlyList<double>? curvePoints, bool stacking = false)
    {
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw OptionNames.Refusal(e);
        }
        if (folds is < 0 or 1) throw new UsageException($"--folds {folds}: use 0 to skip cross-validation, or 2 or more.");

        // Reports write no model; otherwise make sure --out can be written before any work is done.
        if (curvePoints is null && !stacking) OutputPath.EnsureWritable(output, "--out");
        var rows = TsvCorpusReader.ReadAll(files, options.LabelColumns);
        // The same label rules as `stancelab check`: a label outside labels.json beside the data is an error, not a new class.
        if (schemaPath is not null) LabelSchema.Load(schemaPath).Validate(rows, options.LabelColumns, schemaPath);
        int sources = rows.Select(r => r.Source).Distinct(StringComparer.Ordinal).Count();
        io.ErrorWriter.WriteLine($"Read {Formatting.Count(rows.Count, "sentence")} from {Formatting.Count(sources, "source")} in {Formatting.Count(files.Count, "file")}.");

        if (folds > sources)
            throw new UsageException($"--folds {folds}: the data has only {Formatting.Integer(sources)} sources, and a source never spans two folds; use --folds {sources} or fewer.");
        IReadOnlyList<HeadCalibration>? temperatures = null;
        if (curvePoints is not null)
        {
            if (folds == 0) throw new UsageException("--learning-curve needs cross-validation: use --folds 2 or more.");
            var points = ProgressDisplay.Run(io, "Learning curve", p => LearningCurve.Run(rows, options, folds, curvePoints, p));
            string title = $"Learning curve: grouped {folds}-fold cross-validation on growing shares of the training sources ({Formatting.Count(rows.Count, "sentence")}, {Formatting.Count(sources, "source")}, seed {options.Seed})";
            switch (format)
            {
                case OutputFormat.Json: LearningCurveView.Json(io.Output, folds, options.Seed, points); break;
                case OutputFormat.Markdown: io.Output.Write(LearningCurveView.Markdown(title, points)); break;
                default: LearningCurveView.Render(io.Output, io.Out, title, points); break;
            }
            // A report never writes a model: --out (or the shipped default) stays as it was.
            return ExitCodes.Success;
        }
        else if (stacking)
        {
            if (folds == 0) throw new UsageException("--stacking-report needs cross-validation: use --folds 2 or more.");
            var result = ProgressDisplay.Run(io, "Stacking", p => StackingEvaluation.Run(rows, options, folds, progress: p));
            string title = $"Stacked tree heads vs linear heads: grouped {folds}-fold cross-validation, inner {result.InnerFolds}-fold out-of-fold probabilities ({Formatting.Count(rows.Count, "sentence")}, {Formatting.Count(sources, "source")}, seed {options.Seed})";
            switch (format)
            {
                case OutputFormat.Json: StackingView.Json(io.Output, result); break;
                case OutputFormat.Markdown: io.Output.Write(StackingView.Markdown(title, result)); break;
                default: StackingView.Render(io.Output, title, result); break;
            }
            return ExitCodes.Success;
        }
        else if (folds > 0)
        {
            var result = ProgressDisplay.Run(io, "Cross-validation", p => CrossValidator.Run(rows, options, folds, p));
            if (options.Calibration == CalibrationKind.Temperature) temperatures = ModelCalibration.Fit(result);
            string title = $"Grouped {folds}-fold cross-validation ({Formatting.Count(rows.Count, "sentence")}, {Formatting.Count(sources, "source")}, seed {options.Seed})";
            switch (format)
            {
                case OutputFormat.Json:
                    ReportJsonView.Write(io.Output, "cross-validation", result.Reports, d => d with { Folds = folds, Seed = options.Seed, Calibration = temperatures?.Select(HeadCalibrationJson.From).ToArray() });
                    break;
                case OutputFormat.Markdown:
                    io.Output.Write(ReportMarkdownView.Render(title, result.Reports, temperatures: temperatures));
                    break;
                default:
                    ReportTableView.Render(io.Output, title, result.Reports, temperatures: temperatures);
                    break;
            }
        }

        else if (options.Calibration == CalibrationKind.Temperature)
            io.ErrorWriter.WriteLine("note: --folds 0: no out-of-fold probabilities to fit a temperature on, so the model is not calibrated.");

        var model = ProgressDisplay.Run(io, "Training on all data", p => ModelTrainer.Train(rows, options, files, p));
        if (temperatures is not null) model = ModelCalibration.WithTemperatures(model, temperatures);
        foreach (var head in model.Metadata.Training.Where(t => !t.Converged))
            io.ErrorWriter.WriteLine($"warning: head '{head.Column}' did not converge ({head.Stop}; convergence measure {head.GradientNorm?.ToString("G3", System.Globalization.CultureInfo.InvariantCulture) ?? "not reported"}); the model may be off its optimum.");
        ModelFile.Write(model, output);
        var size = new FileInfo(output).Length;
        io.Error.MarkupLine($"Wrote [bold]{Markup.Escape(output)}[/]: {Formatting.Integer(model.Featurizer.FeatureCount)} features, " +
            $"heads {Markup.Escape(string.Join(", ", model.Heads.Select(h => $"{h.Column} ({h.Classifier.Classes.Count} classes)")))}, {Formatting.Integer(size)} bytes.");
        return ExitCodes.Success;
    }

    private static IReadOnlyList<double> ParseCurvePoints(string value)
    {
        var points = new List<double>();
        foreach (var part in CommonOptions.SplitList(value))
        {
            if (!double.TryParse(part, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double percent) || percent <= 0 || percent > 100)
                throw new UsageException($"--curve-points {value}: '{part}' is not a percentage in (0, 100].");
            points.Add(percent / 100);
        }
        if (points.Count == 0) throw new UsageException("--curve-points is empty.");
        return points.Order().ToArray();
    }

    internal static (int Min, int Max) ParseCharNgrams(string value)
    {
        if (value.Equals("off", StringComparison.OrdinalIgnoreCase) || value == "0") return (0, 0);
        var parts = value.Split('-');
        if (parts.Length == 2 && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out int min)
            && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out int max) && min >= 1 && max >= min)
            return (min, max);
        throw new UsageException($"--char-ngrams {value}: expected MIN-MAX (e.g. 3-5) or 'off'.");
    }
}
