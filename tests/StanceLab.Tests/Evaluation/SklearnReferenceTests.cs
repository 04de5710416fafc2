using System.Text.Json;
using StanceLab.Evaluation;

namespace StanceLab.Tests.Evaluation;

/// <summary>
/// Pins our metrics to scikit-learn's on the seeded cases that
/// tools/reference/make_metrics_fixture.py wrote; run that script to regenerate the fixture.
/// </summary>
public sealed class SklearnReferenceTests
{
    private const double Tolerance = 1e-9;

    [Theory]
    [InlineData("dirichlet-200x4-rare-class")]
    [InlineData("absent-class-40x4")]
    public void Report_agrees_with_scikit_learn(string caseName)
    {
        var expected = LoadCase(caseName);

        var report = ClassificationReport.Compute("stance", expected.Classes, expected.Truth, expected.Probabilities);

        Assert.Equal(expected.Truth.Length, report.Rows);
        Assert.Equal(expected.Accuracy, report.Accuracy, Tolerance);
        Assert.Equal(expected.MacroF1, report.MacroF1, Tolerance);
        Assert.Equal(expected.WeightedF1, report.WeightedF1, Tolerance);
        Assert.Equal(expected.LogLoss, report.LogLoss, Tolerance);
        Assert.Equal(expected.Classes[expected.MajorityClass], report.MajorityClass);
        Assert.Equal(expected.MajorityBaseline, report.MajorityBaseline, Tolerance);
        Assert.Equal(expected.ConfusionMatrix, report.Confusion.ToArray());
        for (int c = 0; c < expected.Classes.Length; c++)
        {
            var m = report.PerClass[c];
            Assert.Equal(expected.Classes[c], m.Class);
            Assert.Equal(expected.Precision[c], m.Precision, Tolerance);
            Assert.Equal(expected.Recall[c], m.Recall, Tolerance);
            Assert.Equal(expected.F1[c], m.F1, Tolerance);
            Assert.Equal(expected.Support[c], m.Support);
        }
    }

    [Theory]
    [InlineData("dirichlet-200x4-rare-class")]
    [InlineData("absent-class-40x4")]
    public void Calibration_agrees_with_the_numpy_and_scipy_references(string caseName)
    {
        var expected = LoadCase(caseName);

        var report = ClassificationReport.Compute("stance", expected.Classes, expected.Truth, expected.Probabilities);
        double temperature = StanceLab.Learning.TemperatureScaling.Fit(expected.Truth, expected.Probabilities);

        Assert.Equal(expected.Ece, report.Calibration.ExpectedCalibrationError, Tolerance);
        Assert.Equal(expected.Temperature, temperature, 1e-4);
        Assert.Equal(expected.LogLossAtTemperature, StanceLab.Learning.TemperatureScaling.LogLoss(expected.Truth, expected.Probabilities, temperature), 1e-9);
    }

    private static SklearnCase LoadCase(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "metrics", "sklearn-metrics.json");
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        var fixture = JsonSerializer.Deserialize<SklearnFixture>(File.ReadAllText(path), options)
            ?? throw new InvalidDataException($"{path} is empty.");
        return fixture.Cases.SingleOrDefault(c => c.Name == name)
            ?? throw new InvalidDataException($"{path} has no case '{name}'; rerun tools/reference/make_metrics_fixture.py.");
    }

    private sealed record SklearnFixture(string SklearnVersion, SklearnCase[] Cases);

    private sealed record SklearnCase(
        string Name,
        string[] Classes,
        int[] Truth,
        double[][] Probabilities,
        double Accuracy,
        double MacroF1,
        double WeightedF1,
        double[] Precision,
        double[] Recall,
        double[] F1,
        int[] Support,
        int[][] ConfusionMatrix,
        double LogLoss,
        int MajorityClass,
        double MajorityBaseline,
        double Ece,
        double Temperature,
        double LogLossAtTemperature);
}
