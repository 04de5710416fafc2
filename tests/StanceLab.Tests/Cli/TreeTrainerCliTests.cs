using System.Text.Json;
using StanceLab.Cli;
using StanceLab.Learning.Linear;
using StanceLab.Learning.Trees;
using StanceLab.Persistence;
using StanceLab.Tests.Support;

namespace StanceLab.Tests.Cli;

/// <summary><c>train --trainer</c> chooses each head's learner; tree heads are scored and explained like linear ones.</summary>
public sealed class TreeTrainerCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("stancelab-trees-").FullName;
    private string ModelPath => Path.Combine(_dir, "seed-trees.stancelab");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Train(params string[] extra)
    {
        var run = CliRun.Of(["train", "--data", RepositoryPaths.SeedCorpus, "--out", ModelPath, "--folds", "0", "--encoder", "none", "--trees-count", "30", .. extra]);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
    }

    [Fact]
    public void Trainer_per_head_gives_a_tree_head_and_a_linear_head_in_one_model_file()
    {
        Train("--trainer", "topic=linear,stance=fasttree");

        var model = ModelFile.Read(ModelPath);
        Assert.IsType<LinearClassifier>(model.Head("topic").Classifier);
        var trees = Assert.IsType<TreeEnsembleClassifier>(model.Head("stance").Classifier);
        Assert.InRange(trees.Rounds, 1, 30);
        Assert.Equal(3, BitConverter.ToUInt16(File.ReadAllBytes(ModelPath), 8));
        Assert.NotNull(model.Metadata.Trees);
        Assert.Equal(StanceLab.Modeling.TrainerKind.Trees, model.Metadata.Trainers!["stance"]);
    }

    [Fact]
    public void A_tree_model_is_reproducible_byte_for_byte()
    {
        Train("--trainer", "fasttree");
        var first = File.ReadAllBytes(ModelPath);
        Train("--trainer", "fasttree");
        Assert.Equal(first, File.ReadAllBytes(ModelPath));
    }

    [Fact]
    public void Explain_json_of_a_tree_head_adds_up_tokens_and_absent_features_to_the_logit()
    {
        Train("--trainer", "fasttree");
        var run = CliRun.Of("explain", "Analysts said weapons may flow to the army soon.", "--model", ModelPath, "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Output);
        foreach (var head in doc.RootElement.GetProperty("predictions").EnumerateObject())
        {
            double tokens = head.Value.GetProperty("tokens").EnumerateArray().Sum(t => t.GetProperty("contribution").GetDouble());
            double absent = head.Value.TryGetProperty("absent", out var list) ? list.EnumerateArray().Sum(a => a.GetProperty("contribution").GetDouble()) : 0;
            double meaning = head.Value.GetProperty("meaning").GetDouble();
            Assert.Equal(head.Value.GetProperty("logit").GetDouble(), head.Value.GetProperty("baseValue").GetDouble() + meaning + tokens + absent, 4);
        }
    }

    [Fact]
    public void Score_and_explain_tables_render_a_tree_model()
    {
        Train("--trainer", "fasttree");
        var article = Path.Combine(_dir, "article.txt");
        File.WriteAllText(article, "The army received new weapons. Officials said talks may resume next week.");

        var score = CliRun.Of("score", article, "--model", ModelPath);
        var explain = CliRun.Of("explain", "Officials said talks may resume next week.", "--model", ModelPath);

        Assert.True(score.ExitCode == ExitCodes.Success, score.Error);
        Assert.Contains("article profile", score.Output);
        Assert.True(explain.ExitCode == ExitCodes.Success, explain.Error);
        Assert.Contains("logit of", explain.Output);
    }

    [Theory]
    [InlineData("forest", "'forest' is not a trainer")]
    [InlineData("topic=fasttree,topic=linear", "named twice")]
    [InlineData("topic:trees", "'topic:trees' is not a trainer")]
    [InlineData("headline=fasttree", "not one of the label columns")]
    public void A_bad_trainer_choice_is_a_usage_error_that_says_why(string value, string message)
    {
        var run = CliRun.Of("train", "--data", RepositoryPaths.SeedCorpus, "--out", ModelPath, "--folds", "0", "--trainer", value);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.False(File.Exists(ModelPath));
    }

    [Fact]
    public void Out_of_range_tree_settings_are_usage_errors_that_name_the_setting()
    {
        var run = CliRun.Of("train", "--data", RepositoryPaths.SeedCorpus, "--out", ModelPath, "--folds", "0", "--trainer", "fasttree", "--trees-learning-rate", "0");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--trees-learning-rate must be in (0, 1], got 0.", run.Error);
    }

    [Fact]
    public void A_stacked_head_is_trained_evaluated_and_explained_by_its_inputs()
    {
        var data = SampleCorpus.WriteTsv(Path.Combine(_dir, "sample.tsv"));
        var train = CliRun.Of("train", "--data", data, "--out", ModelPath, "--folds", "0", "--trainer", "stance=stacked", "--trees-count", "20", "--trees-min-leaf", "3", "--encoder", "none");
        Assert.True(train.ExitCode == ExitCodes.Success, train.Error);

        var evaluate = CliRun.Of("evaluate", "--data", data, "--model", ModelPath, "--format", "json");
        var explain = CliRun.Of("explain", "Officials said talks may resume next week.", "--model", ModelPath, "--format", "json");
        var table = CliRun.Of("explain", "Officials said talks may resume next week.", "--model", ModelPath);

        Assert.True(evaluate.ExitCode == ExitCodes.Success, evaluate.Error);
        Assert.True(explain.ExitCode == ExitCodes.Success, explain.Error);
        using var doc = JsonDocument.Parse(explain.Output);
        var stance = doc.RootElement.GetProperty("predictions").GetProperty("stance");
        double inputs = stance.GetProperty("inputs").EnumerateArray().Sum(i => i.GetProperty("contribution").GetDouble());
        Assert.Equal(stance.GetProperty("logit").GetDouble(), stance.GetProperty("baseValue").GetDouble() + inputs, 4);
        Assert.Contains("Σ inputs", table.Output);
    }
}
