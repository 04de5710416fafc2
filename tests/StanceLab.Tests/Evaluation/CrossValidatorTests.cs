using StanceLab.Data;
using StanceLab.Evaluation;
using StanceLab.Learning;
using StanceLab.Features;
using StanceLab.Modeling;
using StanceLab.Tests.Support;

namespace StanceLab.Tests.Evaluation;

public class CrossValidatorTests
{
    private static readonly TrainingOptions Options = new() { Featurizer = new FeaturizerOptions { MinDocumentFrequency = 1 } };

    [Fact]
    public void Reports_every_head_over_every_row_with_the_baseline_beside_it()
    {
        var rows = SampleCorpus.Rows();
        var result = CrossValidator.Run(rows, Options, folds: 3);

        Assert.Equal(["topic", "stance"], result.Reports.Select(r => r.Label));
        foreach (var report in result.Reports)
        {
            Assert.Equal(rows.Count, report.Rows);
            Assert.Equal(rows.Count, report.Confusion.Total);
            Assert.Equal(3, report.FoldAccuracies.Count);
            Assert.InRange(report.MajorityBaseline, 0, 1);
        }
    }

    [Fact]
    public void Learns_better_than_the_majority_baseline_on_articles_it_never_saw()
    {
        var result = CrossValidator.Run(SampleCorpus.Rows(), Options, folds: 3);
        var topic = result.Reports.Single(r => r.Label == "topic");
        Assert.True(topic.Accuracy > topic.MajorityBaseline + 0.3, $"accuracy {topic.Accuracy} vs baseline {topic.MajorityBaseline}");
    }

    [Fact]
    public void The_same_seed_gives_the_same_report()
    {
        var a = CrossValidator.Run(SampleCorpus.Rows(), Options, folds: 3);
        var b = CrossValidator.Run(SampleCorpus.Rows(), Options, folds: 3);
        Assert.Equal(a.FoldOfRow, b.FoldOfRow);
        Assert.Equal(a.Reports.Select(r => r.LogLoss), b.Reports.Select(r => r.LogLoss));
    }

    [Fact]
    public void No_source_is_both_trained_and_tested_in_a_fold()
    {
        var rows = SampleCorpus.Rows();
        var result = CrossValidator.Run(rows, Options, folds: 3);
        foreach (var source in rows.Select(r => r.Source).Distinct())
            Assert.Single(rows.Select((r, i) => (r, i)).Where(p => p.r.Source == source).Select(p => result.FoldOfRow[p.i]).Distinct());
    }

    /// <summary>
    /// Each source has its own made-up words and a random label, so nothing learnt from other
    /// sources predicts a held-out one: scores near chance mean no test sentence reached training.
    /// A fold trained on all rows memorizes the words and scores near 1 (the planted bug this
    /// catches).
    /// </summary>
    [Fact]
    public void No_held_out_sentence_reaches_training()
    {
        var random = new Random(20261203);
        var rows = new List<LabelledSentence>();
        for (int s = 0; s < 60; s++)
        {
            string label = random.Next(2) == 0 ? "yes" : "no";
            for (int i = 0; i < 3; i++)
                rows.Add(new LabelledSentence($"r{s}-{i}", $"source-{s}", $"zq{s}x vk{s}w number {i}",
                    new Dictionary<string, string> { ["topic"] = label }));
        }
        var options = new TrainingOptions { LabelColumns = ["topic"], Featurizer = new FeaturizerOptions { MaxCharNgram = 0 } };

        var cv = CrossValidator.Run(rows, options, folds: 5).Reports.Single();
        var memorized = ModelTrainer.Train(rows, options);
        var set = LabelSet.FromCorpus("topic", rows);
        var head = memorized.Head("topic").Classifier;
        int right = rows.Count(r =>
        {
            var p = head.PredictOver(memorized.Featurizer.Transform(r.Text), set);
            return Array.IndexOf(p, p.Max()) == set.IdOf(r.Label("topic"));
        });

        Assert.True((double)right / rows.Count > 0.95, "the data is learnable when the rows are seen");
        Assert.True(cv.Accuracy < 0.75, $"held-out accuracy {cv.Accuracy:F3}: held-out sentences reached training");
    }
}
