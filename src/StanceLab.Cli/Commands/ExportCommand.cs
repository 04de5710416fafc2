using StanceLab.Cli.Rendering;
using System.CommandLine;
using System.Text;
using StanceLab.Data;
using StanceLab.Features;
using StanceLab.Modeling;
using StanceLab.Persistence;

namespace StanceLab.Cli.Commands;

/// <summary>
/// <c>stancelab export</c>: labelled sentences as StanceLab's feature vectors in libsvm format, so
/// LIBLINEAR, XGBoost or scikit-learn can be run on exactly the features our trainers see.
/// Writes PREFIX.libsvm, PREFIX.classes.txt (class of each label id) and PREFIX.features.txt.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliIo io)
    {
        var data = CommonOptions.Data("Labelled TSV files.");
        var label = new Option<string>("--label") { Description = "The label column to export as the class.", DefaultValueFactory = _ => "topic" };
        var model = new Option<string?>("--model", "-m") { Description = "Use this model's featurizer and classes; without it a featurizer is fitted on the data." };
        var output = new Option<string>("--out", "-o") { Description = "Path prefix of the files to write.", Required = true };
        var minDf = new Option<int>("--min-df") { DefaultValueFactory = _ => new FeaturizerOptions().MinDocumentFrequency, Description = "When fitting: minimum document frequency." };
        var wordNgrams = new Option<int>("--word-ngrams") { DefaultValueFactory = _ => new FeaturizerOptions().MaxWordNgram, Description = "When fitting: longest word n-gram." };
        var charNgrams = new Option<string>("--char-ngrams") { DefaultValueFactory = _ => "3-5", Description = "When fitting: character n-gram lengths MIN-MAX, or 'off'." };
        var command = new Command("export", "Export feature vectors in libsvm format for other tools.") { data, label, model, output, minDf, wordNgrams, charNgrams };
        command.SetAction(parse => CommandGuard.Run(io, () =>
        {
            string column = parse.GetValue(label)!;
            var rows = TsvCorpusReader.ReadAll(DataFiles.Expand(parse.GetValue(data)!), [column]);
            FittedFeaturizer featurizer;
            LabelSet classes;
            if (parse.GetValue(model) is { } modelPath)
            {
                var loaded = ModelFile.Read(modelPath);
                featurizer = loaded.Featurizer;
                var known = loaded.Metadata.LabelSets.TryGetValue(column, out var set) ? set : [];
                classes = new LabelSet(column, known.Concat(rows.Select(r => r.Label(column))));
            }
            else
            {
                var (minChar, maxChar) = TrainCommand.ParseCharNgrams(parse.GetValue(charNgrams)!);
                var options = new FeaturizerOptions { MinDocumentFrequency = parse.GetValue(minDf), MaxWordNgram = parse.GetValue(wordNgrams), MinCharNgram = minChar, MaxCharNgram = maxChar };
                try { options.Validate(); } catch (ArgumentException e) { throw OptionNames.Refusal(e); }
                featurizer = Featurizer.Fit(rows.Select(r => r.Text).ToArray(), options);
                classes = LabelSet.FromCorpus(column, rows);
            }
            var vectors = ModelTrainer.Transform(featurizer, rows.Select(r => r.Text).ToArray());
            string prefix = parse.GetValue(output)!;
            var directory = Path.GetDirectoryName(Path.GetFullPath(prefix));
            if (directory is not null) Directory.CreateDirectory(directory);
            using (var writer = new StreamWriter(prefix + ".libsvm", false, new UTF8Encoding(false)))
                LibSvmWriter.Write(writer, vectors, rows.Select(r => classes.IdOf(r.Label(column))).ToArray());
            File.WriteAllLines(prefix + ".classes.txt", classes.Classes, new UTF8Encoding(false));
            File.WriteAllLines(prefix + ".features.txt", featurizer.FeatureNames, new UTF8Encoding(false));
            io.ErrorWriter.WriteLine($"Wrote {prefix}.libsvm ({Formatting.Count(rows.Count, "row")}, {Formatting.Count(featurizer.FeatureCount, "feature")}, {Formatting.Count(classes.Count, "class", "classes")}).");
            return ExitCodes.Success;
        }));
        return command;
    }
}
