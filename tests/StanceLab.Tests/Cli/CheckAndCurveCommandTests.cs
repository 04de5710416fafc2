using System.Text.Json;
using StanceLab.Cli;
using StanceLab.Tests.Support;

namespace StanceLab.Tests.Cli;

public sealed class CheckAndCurveCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Data(string content)
    {
        _temp.WriteText("labels.json", "{\"topic\": [\"economy\", \"other\"], \"stance\": [\"report\", \"attributed\"]}");
        return _temp.WriteText("data.tsv", "id\tsource\ttext\ttopic\tstance\n" + content);
    }

    [Fact]
    public void Check_finds_the_schema_beside_the_data_and_exits_0_when_clean()
    {
        Data("1\ta\tShares rose.\teconomy\treport\n2\tb\tA new phone.\tother\treport\n");
        var run = CliRun.Of("check", _temp.Path, "--format", "json");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Output);
        Assert.Equal(0, doc.RootElement.GetProperty("errors").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("counts").GetProperty("topic").GetProperty("economy").GetInt32());
    }

    [Fact]
    public void Check_exits_1_and_lists_the_errors_in_a_table()
    {
        var file = Data("1\ta\tShares rose.\teconomy\treport\n2\tb\tA new phone.\tgadgets\treport\n");
        var run = CliRun.Of("check", file);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("'gadgets' is not a topic label", run.Output);
        Assert.Contains("1 error,", run.Output);
    }

    [Fact]
    public void Check_without_a_schema_or_label_columns_is_a_usage_error()
    {
        var file = _temp.WriteText("plain.tsv", "id\tsource\ttext\ttopic\n1\ta\tText.\tother\n");
        Assert.Equal(ExitCodes.Usage, CliRun.Of("check", file).ExitCode);
        Assert.Equal(ExitCodes.Success, CliRun.Of("check", file, "--labels", "topic").ExitCode);
    }

    [Fact]
    public void Train_with_learning_curve_prints_every_point_and_writes_no_model()
    {
        var data = SampleCorpus.WriteTsv(_temp.Combine("corpus.tsv"), sources: 8);
        var model = _temp.Combine("m.stancelab");
        var run = CliRun.Of("train", "--data", data, "--out", model, "--folds", "4", "--min-df", "1", "--learning-curve", "--curve-points", "50,100", "--format", "json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        using var doc = JsonDocument.Parse(run.Output);
        var points = doc.RootElement.GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal([0.5, 1.0], points.Select(p => p.GetProperty("fraction").GetDouble()));
        Assert.All(points, p => Assert.Equal(2, p.GetProperty("heads").GetArrayLength()));
        Assert.False(File.Exists(model), "a report must never write a model");
    }

    [Fact]
    public void Train_learning_curve_table_has_a_chart_per_head()
    {
        var data = SampleCorpus.WriteTsv(_temp.Combine("corpus.tsv"), sources: 8);
        var run = CliRun.Of("train", "--data", data, "--out", _temp.Combine("m.stancelab"), "--folds", "4", "--min-df", "1", "--learning-curve", "--curve-points", "50,100");
        Assert.Contains("topic macro-F1 by share of sources", run.Output);
        Assert.Contains("majority", run.Output);
    }

    [Fact]
    public void Tune_ranks_the_grid_and_prints_the_train_command_for_the_best()
    {
        var data = SampleCorpus.WriteTsv(_temp.Combine("corpus.tsv"));
        var run = CliRun.Of("tune", "--data", data, "--folds", "3", "--min-df", "1", "--c", "0.01,10", "--word-ngrams", "1", "--char-ngrams", "off", "--encoder", "none", "--class-weight", "none", "--format", "json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        using var doc = JsonDocument.Parse(run.Output);
        var candidates = doc.RootElement.GetProperty("candidates").EnumerateArray().ToArray();
        Assert.Equal(2, candidates.Length);
        Assert.True(candidates[0].GetProperty("score").GetDouble() >= candidates[1].GetProperty("score").GetDouble());
        Assert.Equal(candidates[0].GetProperty("options").GetString(), doc.RootElement.GetProperty("best").GetString());
        Assert.Contains("--c 10 --word-ngrams 1 --char-ngrams off", doc.RootElement.GetProperty("train").GetString());
        Assert.Contains("--encoder none --class-weight none", doc.RootElement.GetProperty("train").GetString());
        Assert.Contains("--out models/tuned.stancelab", doc.RootElement.GetProperty("train").GetString());
        // Both C values are edges of a two-value grid, so the winner is always on an edge.
        Assert.Contains("is at the edge of the grid (0.01, 10)", run.Error);
    }

    [Fact]
    public void Tune_refuses_an_nb_weighting_value_other_than_on_or_off()
    {
        var data = SampleCorpus.WriteTsv(_temp.Combine("corpus.tsv"));
        var run = CliRun.Of("tune", "--data", data, "--nb-weighting", "off,maybe");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("'maybe' is neither 'on' nor 'off'", run.Error);
    }

    [Fact]
    public void Tune_refuses_nb_weighting_on_a_head_with_more_than_two_classes_before_tuning()
    {
        var data = SampleCorpus.WriteTsv(_temp.Combine("corpus.tsv"));
        var run = CliRun.Of("tune", "--data", data, "--folds", "3", "--c", "10", "--word-ngrams", "1", "--char-ngrams", "off", "--nb-weighting", "off,on");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("NB weighting needs two-class heads, and 'topic' has", run.Error);
        Assert.DoesNotContain("candidates", run.Output);
    }

    [Fact]
    public void Tune_refuses_a_grid_value_that_is_not_a_number()
    {
        var data = SampleCorpus.WriteTsv(_temp.Combine("corpus.tsv"));
        var run = CliRun.Of("tune", "--data", data, "--c", "ten");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("'ten' is not a positive number", run.Error);
    }
}
