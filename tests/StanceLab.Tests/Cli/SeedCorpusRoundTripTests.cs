using System.Text.Json;
using StanceLab.Cli;
using StanceLab.Tests.Support;

namespace StanceLab.Tests.Cli;

/// <summary>train → score → evaluate → explain on the labelled seed corpus, as a user runs them.</summary>
public sealed class SeedCorpusRoundTripTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("stancelab-cli-").FullName;
    private string ModelPath => Path.Combine(_dir, "seed.stancelab");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Train(params string[] extra)
    {
        var run = CliRun.Of(["train", "--data", RepositoryPaths.SeedCorpus, "--out", ModelPath, .. extra]);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
    }

    [Fact]
    public void Train_prints_a_grouped_cross_validation_report_and_writes_the_model()
    {
        var run = CliRun.Of("train", "--data", RepositoryPaths.SeedCorpus, "--out", ModelPath, "--folds", "5", "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.True(File.Exists(ModelPath));
        using var report = JsonDocument.Parse(run.Output);
        Assert.Equal(193, report.RootElement.GetProperty("rows").GetInt32());
        var heads = report.RootElement.GetProperty("heads").EnumerateArray().ToArray();
        Assert.Equal(["topic", "stance"], heads.Select(h => h.GetProperty("label").GetString()));
        foreach (var head in heads)
        {
            // The model must beat always answering the majority class on articles it never saw.
            Assert.True(head.GetProperty("accuracy").GetDouble() > head.GetProperty("majorityBaseline").GetDouble() + 0.1);
            Assert.Equal(5, head.GetProperty("foldAccuracies").GetArrayLength());
        }
        Assert.Contains("Cross-validation: done", run.Error);
    }

    [Fact]
    public void Train_twice_with_the_same_data_and_seed_writes_the_same_bytes()
    {
        Train("--folds", "0");
        var first = File.ReadAllBytes(ModelPath);
        Train("--folds", "0");
        Assert.Equal(first, File.ReadAllBytes(ModelPath));
    }

    [Fact]
    public void Score_json_gives_every_sentence_labels_probabilities_explanations_and_a_profile()
    {
        Train("--folds", "0");
        var article = Path.Combine(_dir, "article.txt");
        File.WriteAllText(article, "Haftar visits Moscow\nRussia may supply weapons to Haftar, analysts said. The talks were crucial.");

        var run = CliRun.Of("score", article, "--model", ModelPath, "--format", "json", "--explain", "2");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        using var doc = JsonDocument.Parse(lines[0]);
        var sentences = doc.RootElement.GetProperty("sentences").EnumerateArray().ToArray();
        Assert.Equal(3, sentences.Length);
        var text = File.ReadAllText(article);
        foreach (var s in sentences)
        {
            int start = s.GetProperty("start").GetInt32(), end = s.GetProperty("end").GetInt32();
            Assert.Equal(text[start..end], s.GetProperty("text").GetString());
            foreach (var head in new[] { "topic", "stance" })
            {
                var p = s.GetProperty("predictions").GetProperty(head);
                Assert.False(string.IsNullOrEmpty(p.GetProperty("label").GetString()));
                Assert.InRange(p.GetProperty("probability").GetDouble(), 0, 1);
                var tokens = p.GetProperty("tokens").EnumerateArray().ToArray();
                Assert.InRange(tokens.Length, 1, 4);
                foreach (var t in tokens)
                    Assert.Equal(text[t.GetProperty("start").GetInt32()..t.GetProperty("end").GetInt32()], t.GetProperty("token").GetString());
            }
        }
        foreach (var head in new[] { "topic", "stance" })
        {
            var shares = doc.RootElement.GetProperty("profile").GetProperty(head).EnumerateObject().Sum(p => p.Value.GetDouble());
            Assert.Equal(1.0, shares, 5);
        }
    }

    [Fact]
    public void Score_table_shows_each_sentence_and_the_profile()
    {
        Train("--folds", "0");
        var run = CliRun.WithInput("Russia may send jets to Haftar. He met Lavrov in Moscow.", "score", "-", "--model", ModelPath);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Russia may send jets to Haftar.", run.Output);
        Assert.Contains("article profile", run.Output);
    }

    [Fact]
    public void Evaluate_json_has_the_documented_shape()
    {
        Train("--folds", "0");
        var run = CliRun.Of("evaluate", "--data", RepositoryPaths.SeedCorpus, "--model", ModelPath, "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Output);
        Assert.Equal(193, doc.RootElement.GetProperty("rows").GetInt32());
        foreach (var head in doc.RootElement.GetProperty("heads").EnumerateArray())
        {
            foreach (var field in new[] { "accuracy", "macroF1", "majorityBaseline", "logLoss" })
                Assert.InRange(head.GetProperty(field).GetDouble(), 0, 100);
            // Evaluated on its own training data a well-fitted model is nearly perfect.
            Assert.True(head.GetProperty("accuracy").GetDouble() > 0.9);
            var perClass = head.GetProperty("perClass").EnumerateArray().ToArray();
            Assert.Equal(193, perClass.Sum(c => c.GetProperty("support").GetInt32()));
            foreach (var c in perClass)
                foreach (var field in new[] { "class", "precision", "recall", "f1", "support" }) Assert.True(c.TryGetProperty(field, out _), field);
            var confusion = head.GetProperty("confusion");
            int k = confusion.GetProperty("classes").GetArrayLength();
            var matrix = confusion.GetProperty("matrix").EnumerateArray().ToArray();
            Assert.Equal(k, matrix.Length);
            Assert.Equal(193, matrix.Sum(r => r.EnumerateArray().Sum(v => v.GetInt32())));
        }
    }

    [Fact]
    public void Evaluate_warns_when_the_evaluated_sentences_were_in_the_training_data()
    {
        Train("--folds", "0", "--encoder", "none");
        var unseen = Path.Combine(_dir, "unseen.tsv");
        File.WriteAllText(unseen, "id\tsource\ttext\ttopic\tstance\n"
            + "u1\tu\tThe finance ministry said exports fell in March.\teconomy\tattributed\n"
            + "u2\tu\tTroops shelled the northern town overnight.\tconflict\treport\n");

        var seen = CliRun.Of("evaluate", "--data", RepositoryPaths.SeedCorpus, "--model", ModelPath, "--format", "json");
        var fresh = CliRun.Of("evaluate", "--data", unseen, "--model", ModelPath, "--format", "json");

        Assert.True(seen.ExitCode == ExitCodes.Success, seen.Error);
        Assert.Contains("warning: 193 of 193 evaluated sentences (100.0%) are in the model's training data", seen.Error);
        using (var doc = JsonDocument.Parse(seen.Output)) Assert.Equal(193, doc.RootElement.GetProperty("trainingOverlapRows").GetInt32());
        Assert.True(fresh.ExitCode == ExitCodes.Success, fresh.Error);
        Assert.DoesNotContain("training data", fresh.Error);
        using (var doc = JsonDocument.Parse(fresh.Output)) Assert.Equal(0, doc.RootElement.GetProperty("trainingOverlapRows").GetInt32());
    }

    [Fact]
    public void Evaluate_stops_on_a_label_the_model_does_not_know_naming_file_and_line()
    {
        Train("--folds", "0", "--encoder", "none");
        var data = Path.Combine(_dir, "sports.tsv");
        File.WriteAllText(data, "id\tsource\ttext\ttopic\tstance\n"
            + "u1\tu\tThe finance ministry said exports fell in March.\teconomy\tattributed\n"
            + "u2\tu\tThe striker scored twice on Sunday.\tsports\treport\n"
            + "u3\tu\tThe team won the cup.\tsports\treport\n");

        var run = CliRun.Of("evaluate", "--data", data, "--model", ModelPath);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains($"{data}:3: topic label 'sports' is not one the model knows", run.Error);
        Assert.Contains("1 more rows", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void Evaluate_markdown_and_table_name_the_baseline()
    {
        Train("--folds", "0");
        var markdown = CliRun.Of("evaluate", "--data", RepositoryPaths.SeedCorpus, "--model", ModelPath, "--format", "markdown");
        Assert.Contains(markdown.Output.Split('\n'), line => line.StartsWith("| accuracy ", StringComparison.Ordinal) && line.EndsWith('|'));
        Assert.Contains(markdown.Output.Split('\n'), line => line.StartsWith("|---", StringComparison.Ordinal));
        Assert.Contains("majority baseline", markdown.Output);
        var table = CliRun.Of("evaluate", "--data", RepositoryPaths.SeedCorpus, "--model", ModelPath);
        Assert.Contains("majority baseline", table.Output);
        Assert.Contains("true \\ predicted", table.Output);
    }

    [Fact]
    public void Explain_json_contributions_add_up_to_the_logit()
    {
        Train("--folds", "0");
        var run = CliRun.Of("explain", "Analysts said weapons may flow to Haftar soon.", "--model", ModelPath, "--format", "json");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Output);
        foreach (var head in doc.RootElement.GetProperty("predictions").EnumerateObject())
        {
            double sum = head.Value.GetProperty("tokens").EnumerateArray().Sum(t => t.GetProperty("contribution").GetDouble());
            double meaning = head.Value.GetProperty("meaning").GetDouble();
            Assert.NotEqual(0.0, meaning);
            Assert.Equal(head.Value.GetProperty("logit").GetDouble(), head.Value.GetProperty("baseValue").GetDouble() + meaning + sum, 4);
        }
    }

    [Fact]
    public void A_users_own_label_column_trains_the_same_way()
    {
        var data = Path.Combine(_dir, "own.tsv");
        var lines = File.ReadAllLines(RepositoryPaths.SeedCorpus);
        File.WriteAllLines(data, lines.Select((l, i) => i == 0 ? l + "\tquoted" : l + "\t" + (l.Contains('\u201C') || l.Contains('"') ? "yes" : "no")));

        var run = CliRun.Of("train", "--data", data, "--labels", "quoted", "--out", ModelPath, "--folds", "3", "--format", "json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        using var doc = JsonDocument.Parse(run.Output);
        Assert.Equal("quoted", doc.RootElement.GetProperty("heads")[0].GetProperty("label").GetString());
        var score = CliRun.Of("explain", "He said: \u201CWe will win.\u201D", "--model", ModelPath, "--format", "json");
        using var explained = JsonDocument.Parse(score.Output);
        Assert.Equal("yes", explained.RootElement.GetProperty("predictions").GetProperty("quoted").GetProperty("label").GetString());
    }
}
