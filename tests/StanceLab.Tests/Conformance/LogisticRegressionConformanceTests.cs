using StanceLab.Learning;
using StanceLab.Learning.Linear;

namespace StanceLab.Tests.Conformance;

/// <summary>Multinomial logistic regression passes the trainer battery, with its default options.</summary>
public sealed class LogisticRegressionConformanceTests : TrainerConformanceTests
{
    protected override ITrainer CreateTrainer() => new LogisticRegressionTrainer(new LogisticRegressionOptions());

    /// <summary>Besides every explanation, the weights and biases themselves are identical bit for bit.</summary>
    protected override void AssertIdenticalParameters(IClassifier expected, IClassifier actual)
    {
        base.AssertIdenticalParameters(expected, actual);
        var a = Assert.IsType<LinearClassifier>(expected);
        var b = Assert.IsType<LinearClassifier>(actual);
        Assert.Equal(a.Weights.ToArray(), b.Weights.ToArray());
        Assert.Equal(a.Biases.ToArray(), b.Biases.ToArray());
    }
}

/// <summary>The same battery with ML.NET's SDCA trainer (one thread), the alternative to L-BFGS.</summary>
public sealed class SdcaLogisticRegressionConformanceTests : TrainerConformanceTests
{
    protected override ITrainer CreateTrainer() => new LogisticRegressionTrainer(new LogisticRegressionOptions { Solver = LinearSolver.Sdca });

    protected override void AssertIdenticalParameters(IClassifier expected, IClassifier actual)
    {
        base.AssertIdenticalParameters(expected, actual);
        Assert.Equal(Assert.IsType<LinearClassifier>(expected).Weights.ToArray(), Assert.IsType<LinearClassifier>(actual).Weights.ToArray());
    }
}
