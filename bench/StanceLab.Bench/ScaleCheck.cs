using System.Globalization;
using System.Text;
using Spectre.Console;

namespace StanceLab.Bench;

/// <summary>
/// Scale: does training time grow no worse than linearly, and how long do 1,000,000 sentences take?
/// The bench builds the corpus from every data set's sentences, labelled by the data set they came
/// from (6 classes), repeated with light seeded variation (one word dropped or two neighbours
/// swapped) so repeats are not identical texts; then it times `stancelab train --folds 0` as a whole
/// process on growing prefixes of it.
/// </summary>
public static class ScaleCheck
{
    public static readonly int[] Sizes = [100_000, 200_000, 500_000, 1_000_000];

    public static int Run(string datasetsDir, string work, string results, string cli, IReadOnlyList<int> sizes)
    {
        var source = DatasetLoader.All.SelectMany(name =>
        {
            var data = DatasetLoader.Load(datasetsDir, name);
            return data.Rows.Select(r => (Label: data.Name, r.Text));
        }).ToArray();
        var random = new Random(20261121);
        var lines = new List<string>();
        var rows = new List<(string Label, string Text)>();
        var md = new StringBuilder()
            .AppendLine("# Scale: training time from 100,000 to 1,000,000 sentences").AppendLine()
            .AppendLine($"Written by `dotnet run --project bench/StanceLab.Bench -c Release -- --scale` on {DateTime.UtcNow:yyyy-MM-dd} ({Environment.ProcessorCount} cores). "
                + $"Corpus: the {source.Length:N0} sentences of SUBJ, MR, CR, MPQA, TREC and AG-sub, labelled by data set (6 classes), repeated with one word dropped or two neighbours swapped (seeded). "
                + "`stancelab train --labels label --folds 0` with the default options (SDCA solver), timed as a whole process (reading, featurizing, fitting, writing the model).").AppendLine()
            .AppendLine("| sentences | train s (process) | s per 100k sentences | growth vs previous (time ÷ size ratio) | optimizer passes | s per pass per 100k | peak MiB | features |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Scale[/]: stancelab train --folds 0, whole process")
            .AddColumn("sentences").AddColumn("train s").AddColumn("s per 100k").AddColumn("growth vs previous").AddColumn("optimizer passes").AddColumn("s/pass/100k").AddColumn("peak MiB").AddColumn("features");
        double previousSeconds = double.NaN;
        int previousSize = 0;
        var dir = Path.Combine(work, "scale");
        Directory.CreateDirectory(dir);
        foreach (int size in sizes)
        {
            while (rows.Count < size)
            {
                var (label, text) = source[rows.Count % source.Length];
                rows.Add((label, rows.Count < source.Length ? text : Vary(text, random)));
            }
            var tsv = Path.Combine(dir, $"scale-{size}.tsv");
            SeparatedFiles.WriteLabelledTsv(tsv, rows.Take(size).Select((r, i) => new BenchRow($"s{i}", r.Label, r.Text)));
            Console.Error.WriteLine($"scale: training on {size:N0} sentences ...");
            var model = Path.Combine(dir, "scale.stancelab");
            var run = ProcessTimer.Run("dotnet", [cli, "train", "--data", tsv, "--labels", "label", "--folds", "0", "--out", model, .. OursRunner.LeanPipeline], dir);
            if (run.ExitCode != 0) { Console.Error.WriteLine(run.Error); return 1; }
            string features = System.Text.RegularExpressions.Regex.Match(run.Error, @"([\d,]+) features").Groups[1].Value;
            int iterations = StanceLab.Persistence.ModelFile.Read(model).Metadata.Training.Single().Iterations;
            string growth = previousSize == 0 ? "–" : ((run.WallSeconds / previousSeconds) / ((double)size / previousSize)).ToString("0.00", CultureInfo.InvariantCulture);
            var cells = new[]
            {
                size.ToString("N0", CultureInfo.InvariantCulture), run.WallSeconds.ToString("0.0", CultureInfo.InvariantCulture),
                (run.WallSeconds / size * 100_000).ToString("0.00", CultureInfo.InvariantCulture), growth,
                iterations.ToString(CultureInfo.InvariantCulture),
                (run.WallSeconds / iterations / size * 100_000).ToString("0.000", CultureInfo.InvariantCulture),
                run.PeakRssMiB.ToString("0", CultureInfo.InvariantCulture), features,
            };
            table.AddRow(cells);
            md.AppendLine("| " + string.Join(" | ", cells) + " |");
            previousSeconds = run.WallSeconds;
            previousSize = size;
            File.Delete(tsv);
        }
        AnsiConsole.Write(table);
        md.AppendLine().AppendLine("Growth below 1.00 means time grew less than the corpus; above 1.00, faster than linear. "
            + "The whole process's seconds are divided by the optimizer's passes (SDCA passes, or L-BFGS iterations with --solver lbfgs) to show whether the time per pass or the number of passes grows.");
        File.WriteAllText(Path.Combine(results, "scale.md"), md.ToString());
        return 0;
    }

    private static string Vary(string text, Random random)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count < 3) return text;
        int at = random.Next(words.Count - 1);
        if (random.Next(2) == 0) words.RemoveAt(at);
        else (words[at], words[at + 1]) = (words[at + 1], words[at]);
        return string.Join(' ', words);
    }
}
