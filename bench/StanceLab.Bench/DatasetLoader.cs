using System.Globalization;

namespace StanceLab.Bench;

/// <summary>
/// Loads the data sets of ../shared/datasets with the splits their READMEs prescribe: the given
/// 10 folds (SUBJ, MR, CR, MPQA), TREC's fixed train/test split, and AG News' substitute protocol
/// (within each class, every 5th row in file order is held out).
/// </summary>
public static class DatasetLoader
{
    public static readonly IReadOnlyList<string> All = ["subj", "mr", "cr", "mpqa", "trec", "ag-sub"];

    public static BenchDataset Load(string datasets, string name) => name switch
    {
        "subj" or "mr" or "cr" or "mpqa" => Folded(datasets, name),
        "trec" => Trec(datasets),
        "ag-sub" => AgSubstitute(datasets),
        _ => throw new ArgumentException($"unknown data set '{name}' (known: {string.Join(", ", All)})"),
    };

    private static BenchDataset Folded(string datasets, string name)
    {
        var dir = Path.Combine(datasets, name);
        var rows = SeparatedFiles.ReadTsv(Path.Combine(dir, "data.tsv")).Select(f => new BenchRow(f["id"], f["label"], f["text"])).ToArray();
        var foldOf = SeparatedFiles.ReadTsv(Path.Combine(dir, "folds.tsv")).ToDictionary(f => f["id"], f => int.Parse(f["fold"], CultureInfo.InvariantCulture));
        var splits = Enumerable.Range(0, 10).Select(k => new BenchSplit(
            $"fold {k}",
            Enumerable.Range(0, rows.Length).Where(i => foldOf[rows[i].Id] != k).ToArray(),
            Enumerable.Range(0, rows.Length).Where(i => foldOf[rows[i].Id] == k).ToArray())).ToArray();
        return new BenchDataset(name.ToUpperInvariant(), rows, splits, "default", "10-fold cross-validation on folds.tsv");
    }

    private static BenchDataset Trec(string datasets)
    {
        var table = SeparatedFiles.ReadTsv(Path.Combine(datasets, "trec", "data.tsv"));
        var rows = table.Select(f => new BenchRow(f["id"], f["label"], f["text"])).ToArray();
        var train = Enumerable.Range(0, rows.Length).Where(i => table[i]["split"] == "train").ToArray();
        var test = Enumerable.Range(0, rows.Length).Where(i => table[i]["split"] == "test").ToArray();
        return new BenchDataset("TREC", rows, [new BenchSplit("test split", train, test)], "default", "train 5,452 / test 500 (coarse labels)");
    }

    private static BenchDataset AgSubstitute(string datasets)
    {
        var records = SeparatedFiles.ReadHeaderlessCsv(Path.Combine(datasets, "ag_news", "test.csv"));
        var classes = File.ReadAllLines(Path.Combine(datasets, "ag_news", "classes.txt"));
        var rows = new BenchRow[records.Count];
        var seen = new Dictionary<string, int>();
        var train = new List<int>();
        var test = new List<int>();
        for (int i = 0; i < records.Count; i++)
        {
            var r = records[i];
            string label = classes[int.Parse(r[0], CultureInfo.InvariantCulture) - 1];
            rows[i] = new BenchRow($"ag-{i + 1}", label, Clean(r[1] + " " + r[2]));
            int nth = seen[label] = seen.GetValueOrDefault(label) + 1;
            (nth % 5 == 0 ? test : train).Add(i);
        }
        return new BenchDataset("AG-sub", rows, [new BenchSplit("substitute split", train, test)], "ag", "substitute protocol: every 5th row of each class held out");
    }

    /// <summary>Tabs and newlines cannot stand inside a TSV field; everything else stays as published.</summary>
    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
