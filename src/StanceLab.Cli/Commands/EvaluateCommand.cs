using System.CommandLine;
using StanceLab.Cli.Rendering;
using StanceLab.Data;
using StanceLab.Evaluation;
using StanceLab.Learning;
using StanceLab.Modeling;
using StanceLab.Persistence;

namespace StanceLab.Cli.Commands;

/// <summary><c>stancelab evaluate</c>: a saved model's accuracy report on a labelled file.</summary>
internal static class EvaluateCommand
{
    public static Command Create(CliIo io)
    {
        var data = CommonOptions.Data("Labelled TSV files (or directories of them) to evaluate on.");
        var model = CommonOptions.Model();
        var labels = new Option<string?>("--labels") { Description = "Heads to evaluate (default: every head of the model)." };
        var format = CommonOptions.Format("table, json, markdown, or html (one self-contained page with a confusion heat map and a reliability diagram).", OutputFormat.Table, OutputFormat.Json, OutputFormat.Markdown, OutputFormat.Html);
        var command = new Command("evaluate", "Evaluate a model on labelled sentences: accuracy, macro-F1, per-class scores, confusion, log-loss, baseline.")
        {
            data, model, labels, format,
        };
        command.SetAction(parse => CommandGuard.Run(io, () =>
        {
            var modelPath = ModelLocator.Resolve(parse.GetValue(model));
            var loaded = ModelFile.Read(modelPath);
            var columns = parse.GetValue(labels) is { } list ? CommonOptions.SplitList(list) : loaded.Heads.Select(h => h.Column).ToArray();
            foreach (var column in columns) loaded.Head(column);
            var files = DataFiles.Expand(parse.GetValue(data)!);
            var rows = TsvCorpusReader.ReadAll(files, columns);
            RequireKnownLabels(loaded, rows, columns);
            int overlap = rows.Count(r => loaded.TrainingTexts.Contains(r.Text));
            string? overlapWarning = overlap == 0 ? null
                : $"{Formatting.Integer(overlap)} of {Formatting.Integer(rows.Count)} evaluated sentences ({Formatting.Percent((double)overlap / rows.Count)}) are in the model's training data: these figures overstate its accuracy on unseen text";
            if (overlapWarning is not null) io.ErrorWriter.WriteLine($"warning: {overlapWarning}");
            var reports = ProgressDisplay.Run(io, "Evaluating", p => Evaluate(loaded, rows, columns, p));
            string title = $"Evaluation of {modelPath} on {string.Join(", ", files)}" + (overlapWarning is null ? "" : $" (warning: {overlapWarning})");
            switch (format.Value(parse))
            {
                case OutputFormat.Json:
                    ReportJsonView.Write(io.Output, "evaluation", reports, d => d with { Model = modelPath, TrainingOverlapRows = overlap });
                    break;
                case OutputFormat.Html:
                    io.Output.Write(Rendering.Html.ReportHtmlView.Render($"Evaluation of {modelPath} on {string.Join(", ", files)}", reports, overlapWarning));
                    break;
                case OutputFormat.Markdown:
                    io.Output.Write(ReportMarkdownView.Render(title, reports, withCalibration: true));
                    break;
                default:
                    ReportTableView.Render(io.Output, title, reports, withCalibration: true);
                    break;
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>
    /// A label the model cannot predict is a mistake in the data or the wrong model, not a row the
    /// model got wrong: stop with the first one's file and line, and how many more there are.
    /// </summary>
    private static void RequireKnownLabels(StanceModel model, IReadOnlyList<LabelledSentence> rows, IReadOnlyList<string> columns)
    {
        foreach (var column in columns)
        {
            var known = model.Metadata.LabelSets.TryGetValue(column, out var set) ? set : model.Head(column).Classifier.Classes;
            var unknown = rows.Where(r => !known.Contains(r.Label(column), StringComparer.Ordinal)).ToArray();
            if (unknown.Length == 0) continue;
            var first = unknown[0];
            string more = unknown.Length == 1 ? "" : $"; {Formatting.Integer(unknown.Length - 1)} more rows have labels the model does not know";
            throw new DataFormatException(first.File, first.Line,
                $"{column} label '{first.Label(column)}' is not one the model knows ({string.Join(", ", known)}){more}");
        }
    }

    private static IReadOnlyList<ClassificationReport> Evaluate(StanceModel model, IReadOnlyList<LabelledSentence> rows, IReadOnlyList<string> columns, IProgress<PipelineProgress> progress)
    {
        var vectors = ModelTrainer.Transform(model.Featurizer, rows.Select(r => r.Text).ToArray(),
            new Progress01(p => progress.Report(new PipelineProgress("Featurizing", p * 0.9))));
        var reports = new List<ClassificationReport>();
        // A stacked head reads each sentence's position in its article: rows of a source are in article order.
        var contexts = SentenceContext.Of(rows);
        foreach (var column in columns)
        {
            var head = model.Head(column);
            var classifier = head.Classifier;
            var known = model.Metadata.LabelSets.TryGetValue(column, out var set) ? set : classifier.Classes;
            var labelSet = new LabelSet(column, known);
            var truth = rows.Select(r => labelSet.IdOf(r.Label(column))).ToArray();
            var probabilities = vectors.Select((v, i) => head.PredictOver(v, rows[i].Text, contexts[i], labelSet)).ToArray();
            int[]? majority = null;
            if (model.Metadata.ClassCounts.TryGetValue(column, out var counts) && counts.Count > 0)
            {
                var majorityClass = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
                majority = Enumerable.Repeat(labelSet.IdOf(majorityClass), rows.Count).ToArray();
            }
            reports.Add(ClassificationReport.Compute(column, labelSet.Classes, truth, probabilities, majority));
        }
        progress.Report(new PipelineProgress("Done", 1.0));
        return reports;
    }

    private sealed class Progress01(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
