using System.Text.Json;
using StanceLab.Cli;
using StanceLab.Learning;
using StanceLab.Persistence;
using StanceLab.Tests.Support;

namespace StanceLab.Tests.Cli;

/// <summary>train fits and stores a temperature per head; evaluate reports calibration; score --abstain marks unsure labels in every view.</summary>
public sealed class CalibrationCliTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Train(params string[] extra)
    {
        var path = _temp.Combine($"m{Guid.NewGuid():N}.stancelab");
        var run = CliRun.Of(["train", "--data", RepositoryPaths.SeedCorpus, "--out", path, "--encoder", "none", "--folds", "3", .. extra]);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        return path;
    }

    [Fact]
    public void Train_fits_a_temperature_per_head_reports_ece_before_and_after_and_stores_it()
    {
        var path = _temp.Combine("json.stancelab");
        var run = CliRun.Of("train", "--data", RepositoryPaths.SeedCorpus, "--out", path, "--encoder", "none", "--folds", "3", "--format", "json");

        using var doc = JsonDocument.Parse(run.Output);
        var calibration = doc.RootElement.GetProperty("calibration").EnumerateArray().ToArray();
        Assert.Equal(["topic", "stance"], calibration.Select(c => c.GetProperty("label").GetString()));
        var model = ModelFile.Read(path);
        foreach (var c in calibration)
        {
            var head = Assert.IsType<TemperatureScaledClassifier>(model.Head(c.GetProperty("label").GetString()!).Classifier);
            Assert.Equal(c.GetProperty("temperature").GetDouble(), head.Temperature, 5);
            Assert.InRange(c.GetProperty("eceAfter").GetDouble(), 0, 1);
        }
        var table = CliRun.Of("train", "--data", RepositoryPaths.SeedCorpus, "--out", _temp.Combine("t.stancelab"), "--encoder", "none", "--folds", "3");
        Assert.Contains("ECE before", table.Output);
    }

    [Fact]
    public void Calibration_none_or_no_cross_validation_leaves_the_probabilities_alone()
    {
        var none = ModelFile.Read(Train("--calibration", "none"));
        var noFolds = CliRun.Of("train", "--data", RepositoryPaths.SeedCorpus, "--out", _temp.Combine("nf.stancelab"), "--encoder", "none", "--folds", "0");

        Assert.All(none.Heads, h => Assert.IsNotType<TemperatureScaledClassifier>(h.Classifier));
        Assert.Contains("not calibrated", noFolds.Error);
        Assert.All(ModelFile.Read(_temp.Combine("nf.stancelab")).Heads, h => Assert.IsNotType<TemperatureScaledClassifier>(h.Classifier));
    }

    [Fact]
    public void Evaluate_reports_ece_a_reliability_table_and_the_accuracy_coverage_curve()
    {
        var model = Train();

        var json = CliRun.Of("evaluate", "--data", RepositoryPaths.SeedCorpus, "--model", model, "--format", "json");
        var table = CliRun.Of("evaluate", "--data", RepositoryPaths.SeedCorpus, "--model", model);

        using var doc = JsonDocument.Parse(json.Output);
        foreach (var head in doc.RootElement.GetProperty("heads").EnumerateArray())
        {
            Assert.InRange(head.GetProperty("ece").GetDouble(), 0, 1);
            Assert.Equal(10, head.GetProperty("reliability").GetArrayLength());
            Assert.Equal(193, head.GetProperty("reliability").EnumerateArray().Sum(b => b.GetProperty("count").GetInt32()));
            Assert.Equal(1.0, head.GetProperty("accuracyCoverage")[0].GetProperty("coverage").GetDouble());
        }
        Assert.Contains("reliability", table.Output);
        Assert.Contains("accuracy on answered", table.Output);
    }

    [Fact]
    public void Score_abstain_marks_labels_under_the_threshold_unsure_in_json_and_table()
    {
        var model = Train();
        const string article = "Russia may send jets to Haftar. Oil prices fell on Monday.";

        var strict = CliRun.WithInput(article, "score", "-", "--model", model, "--format", "json", "--abstain", "1");
        var lenient = CliRun.WithInput(article, "score", "-", "--model", model, "--format", "json");
        var table = CliRun.WithInput(article, "score", "-", "--model", model, "--abstain", "1");
        var bad = CliRun.WithInput(article, "score", "-", "--model", model, "--abstain", "1.5");

        // Per head: (unsure, the sentence's coverage is low).
        static IEnumerable<(bool Unsure, bool LowCoverage)> Marks(string json)
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.GetProperty("sentences").EnumerateArray()
                .SelectMany(s => s.GetProperty("predictions").EnumerateObject().Select(p =>
                    (p.Value.GetProperty("unsure").GetBoolean(), s.GetProperty("coverage").GetDouble() < 0.5))).ToArray();
        }
        Assert.All(Marks(strict.Output), m => Assert.True(m.Unsure));
        // Without --abstain only a sentence of low coverage is unsure.
        Assert.All(Marks(lenient.Output), m => Assert.Equal(m.LowCoverage, m.Unsure));
        Assert.Contains(Marks(lenient.Output), m => !m.Unsure);
        Assert.Contains("unsure", table.Output);
        Assert.Equal(ExitCodes.Usage, bad.ExitCode);
    }
}
