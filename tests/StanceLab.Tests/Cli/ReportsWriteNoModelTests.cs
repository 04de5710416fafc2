using StanceLab.Cli;
using StanceLab.Tests.Support;

namespace StanceLab.Tests.Cli;

/// <summary>
/// Reports (learning curve, stacking report) never write a model, even where plain train would
/// write the shipped default; and a command that needs a model says where it looked.
/// </summary>
[Collection(WorkingDirectoryCollection.Name)]
public sealed class ReportsWriteNoModelTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _original = Directory.GetCurrentDirectory();

    public ReportsWriteNoModelTests() => Directory.SetCurrentDirectory(_temp.Path);

    public void Dispose()
    {
        Directory.SetCurrentDirectory(_original);
        _temp.Dispose();
    }

    [Theory]
    [InlineData("--learning-curve", "--curve-points", "100")]
    [InlineData("--stacking-report", "--trees-count", "5")]
    public void A_report_without_out_leaves_the_model_at_the_default_path_untouched(params string[] report)
    {
        var data = SampleCorpus.WriteTsv(_temp.Combine("corpus.tsv"), sources: 8);
        Directory.CreateDirectory("models");
        File.WriteAllBytes("models/news.stancelab", [42]);

        var run = CliRun.Of(["train", "--data", data, "--folds", "4", "--min-df", "1", .. report]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Equal([42], File.ReadAllBytes("models/news.stancelab"));
    }

    [Fact]
    public void Without_a_model_the_error_lists_every_place_it_looked()
    {
        var run = CliRun.Of("explain", "Some sentence.");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("STANCELAB_MODEL", run.Error);
        Assert.Contains(Path.Combine(_temp.Path, "models", "news.stancelab"), run.Error);
        Assert.Contains(Path.Combine(AppContext.BaseDirectory, "models", "news.stancelab"), run.Error);
    }
}
