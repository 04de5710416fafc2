using System.Globalization;
using System.Text;
using StanceLab.Data;
using StanceLab.Encoders;
using StanceLab.Features;
using StanceLab.Modeling;
using StanceLab.Scoring;

namespace StanceLab.Bench;

/// <summary>
/// --deletion: do the explanations point at the words that matter? A model with the sentence
/// encoder is trained on four fifths of training-data/ (grouped by source); on each held-out
/// sentence the k words the explanation ranks highest for the predicted label (exact n-gram
/// contribution plus the approximate occlusion share of the sentence meaning) are removed, and the
/// drop in that label's probability is compared with removing k words chosen at random (seeded).
/// A faithful explanation makes the first drop much larger than the second.
/// </summary>
internal static class DeletionCheck
{
    public static readonly int[] Ks = [1, 3, 5];

    public static int Run(string root, string results, bool quick)
    {
        var files = Directory.GetFiles(Path.Combine(root, "training-data"), "*.tsv").Order(StringComparer.Ordinal).ToArray();
        var rows = TsvCorpusReader.ReadAll(files, ["topic", "stance"]);
        var folds = GroupKFold.Assign(rows.Select(r => r.Source).ToArray(), 5, 42);
        var train = rows.Where((_, i) => folds[i] != 0).ToArray();
        var test = rows.Where((_, i) => folds[i] == 0).ToArray();
        var random = new Random(20261203);
        test = test.OrderBy(_ => random.Next()).Take(quick ? 40 : 400).ToArray();
        Console.Error.WriteLine($"Deletion check: training on {train.Length:N0} sentences (folds 1-4), explaining {test.Length} held-out sentences ...");
        var model = ModelTrainer.Train(train, new TrainingOptions { Featurizer = new FeaturizerOptions { Encoder = SentenceEncoderKind.MiniLm } });
        var explaining = new ArticleScorer(model, meaningByWord: true);
        var plain = new ArticleScorer(model);

        var drops = new Dictionary<(string Head, string Way, int K), List<double>>();
        foreach (var row in test)
        {
            var score = explaining.ScoreSentence(row.Text, explainTop: 0);
            foreach (var p in score.Predictions)
            {
                var words = p.Tokens.Select((t, i) => (t, i)).Where(x => x.t.Token.Any(char.IsLetterOrDigit)).ToArray();
                foreach (int k in Ks.Where(k => k < words.Length))
                {
                    var top = words.OrderByDescending(x => x.t.Contribution + (x.t.MeaningShare ?? 0)).Take(k).Select(x => x.t).ToArray();
                    var chance = words.OrderBy(_ => random.Next()).Take(k).Select(x => x.t).ToArray();
                    Add(drops, (p.Column, "explanation's top words", k), p.Probability - ProbabilityAfter(plain, row.Text, top, p.Column, p.Label));
                    Add(drops, (p.Column, "random words", k), p.Probability - ProbabilityAfter(plain, row.Text, chance, p.Column, p.Label));
                }
            }
        }

        var md = new StringBuilder();
        md.AppendLine("# Deletion check: are the explained words the ones that matter?").AppendLine();
        md.AppendLine($"Written by `dotnet run --project bench/StanceLab.Bench -c Release -- --deletion`. A model with the MiniLM encoder trained on folds 1-4 of training-data/ (grouped 5-fold split by source, seed 42); {test.Length} held-out sentences of fold 0 (seeded sample). For each sentence and head, the k words with the largest explanation for the predicted label (n-gram contribution + occlusion share of the sentence meaning) are cut from the sentence, and the mean drop of that label's probability is compared with cutting k random words.").AppendLine();
        md.AppendLine("| head | k | drop, explanation's top words | drop, random words | ratio | sentences |").AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var head in drops.Keys.Select(k => k.Head).Distinct())
            foreach (int k in Ks)
            {
                if (!drops.TryGetValue((head, "explanation's top words", k), out var top)) continue;
                var chance = drops[(head, "random words", k)];
                md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {head} | {k} | {top.Average():0.000} | {chance.Average():0.000} | {top.Average() / Math.Max(1e-9, chance.Average()):0.0}× | {top.Count} |"));
            }
        var text = md.ToString();
        Console.WriteLine(text);
        if (!quick) File.WriteAllText(Path.Combine(results, "deletion.md"), text);
        return 0;
    }

    private static void Add(Dictionary<(string, string, int), List<double>> drops, (string, string, int) key, double value)
    {
        if (!drops.TryGetValue(key, out var list)) drops[key] = list = [];
        list.Add(value);
    }

    private static double ProbabilityAfter(ArticleScorer scorer, string text, IReadOnlyList<TokenContribution> removed, string head, string label)
    {
        var kept = new StringBuilder();
        int at = 0;
        foreach (var t in removed.OrderBy(t => t.Start))
        {
            kept.Append(text, at, t.Start - at);
            at = t.End;
        }
        kept.Append(text, at, text.Length - at);
        var rest = kept.ToString().Trim();
        if (rest.Length == 0) rest = ".";
        var p = scorer.ScoreSentence(rest, explainTop: 0).For(head);
        return p.Probabilities.First(q => q.Key == label).Value;
    }
}
