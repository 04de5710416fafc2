using System.IO.Compression;
using System.Text.Json;
using StanceLab.Data;
using StanceLab.Learning;
using StanceLab.Learning.Linear;
using Weighting = StanceLab.Learning.Linear.ClassWeighting;

namespace StanceLab.Tests.Learning;

/// <summary>
/// One case of Fixtures/logreg, written by tools/reference/make_logreg_fixture.py: scikit-learn's
/// multinomial LogisticRegression fitted on a libsvm export of the seed corpus (with a penalized
/// intercept when <see cref="InterceptScaling"/> is set), with its options,
/// predicted probabilities, intercepts and coefficients (classes × features, scikit-learn's coef_).
/// </summary>
internal sealed record SklearnLogisticRegressionCase(
    string Name,
    string Libsvm,
    string Label,
    string[] Classes,
    double C,
    string ClassWeighting,
    double? InterceptScaling,
    string SklearnVersion,
    int NIter,
    double MaxGradient,
    double UnpatchedMaxProbabilityDifference,
    int Rows,
    int Features,
    double[][] Probabilities,
    double[] Intercept,
    string CoefFile)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string FixtureDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "logreg");

    public static SklearnLogisticRegressionCase Load(string name)
    {
        var path = Path.Combine(FixtureDirectory, name + ".json");
        if (!File.Exists(path)) throw new FileNotFoundException($"No fixture '{name}'; run tools/reference/make_logreg_fixture.py.", path);
        return JsonSerializer.Deserialize<SklearnLogisticRegressionCase>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path} is empty.");
    }

    /// <summary>Our options for the same objective: ML.NET's L-BFGS, whose intercept is unpenalized like scikit-learn's.</summary>
    public LogisticRegressionOptions Options(double tolerance) => new()
    {
        C = C,
        Solver = LinearSolver.Lbfgs,
        ClassWeighting = ClassWeighting switch
        {
            "none" => Weighting.None,
            "balanced" => Weighting.Balanced,
            _ => throw new InvalidDataException($"{Name}: unknown class weighting '{ClassWeighting}'."),
        },
        Tolerance = tolerance,
        MaxIterations = 10_000,
    };

    /// <summary>The rows scikit-learn was fitted on, read by our own libsvm reader, with the class names of the export.</summary>
    public TrainingSet TrainingSet()
    {
        var (rows, labels, featureCount) = LibSvmReader.Read(Path.Combine(FixtureDirectory, Libsvm));
        var classes = File.ReadAllLines(Path.Combine(FixtureDirectory, Path.ChangeExtension(Libsvm, ".classes.txt")))
            .Where(line => line.Length > 0)
            .ToArray();
        return new TrainingSet(rows, labels, classes, featureCount);
    }

    /// <summary>scikit-learn's coef_: one row of <see cref="Features"/> weights per class.</summary>
    public double[][] Coefficients()
    {
        using var stream = new GZipStream(File.OpenRead(Path.Combine(FixtureDirectory, CoefFile)), CompressionMode.Decompress);
        var matrix = JsonSerializer.Deserialize<CoefficientMatrix>(stream, Json)
            ?? throw new InvalidDataException($"{CoefFile} is empty.");
        return matrix.Coef;
    }

    private sealed record CoefficientMatrix(string Name, int[] Shape, double[][] Coef);
}
