using StanceLab.Learning;
using StanceLab.Learning.Linear;

namespace StanceLab.Tests.Learning;

/// <summary>
/// The convergence check StanceLab runs on every ML.NET fit: scikit-learn's own optimum has a
/// vanishing gradient, and a model moved away from it does not.
/// </summary>
public sealed class OptimalityGapTests
{
    [Fact]
    public void Scikit_learns_optimum_has_a_gradient_near_zero_and_a_shifted_model_does_not()
    {
        var reference = SklearnLogisticRegressionCase.Load("topic-c10");
        var data = reference.TrainingSet();
        var coef = reference.Coefficients();
        int k = data.Classes.Count, d = data.FeatureCount;
        var weights = new float[d * k];
        for (int c = 0; c < k; c++)
            for (int j = 0; j < d; j++) weights[j * k + c] = (float)coef[c][j];
        var optimum = new LinearClassifier(data.Classes, d, weights, reference.Intercept.ToArray());
        var ones = Enumerable.Repeat(1.0, data.Count).ToArray();

        double atOptimum = OptimalityGap.MaxGradient(optimum, data.Features, data.Labels.ToArray(), ones, data.Count, reference.C);
        var shiftedBiases = reference.Intercept.Select((b, i) => i == 0 ? b + 0.5 : b).ToArray();
        double shifted = OptimalityGap.MaxGradient(new LinearClassifier(data.Classes, d, weights, shiftedBiases), data.Features, data.Labels.ToArray(), ones, data.Count, reference.C);

        // float32 weights leave about 1e-7 of scikit-learn's float64 optimum.
        Assert.True(atOptimum < 1e-5, $"gradient at scikit-learn's optimum: {atOptimum:E2}");
        Assert.True(shifted > 1e-2, $"gradient after moving one intercept by 0.5: {shifted:E2}");
    }

    [Fact]
    public void An_ml_net_fit_stopped_after_two_iterations_is_reported_as_not_converged()
    {
        var reference = SklearnLogisticRegressionCase.Load("topic-c10");
        TrainingProgress last = default;
        new LogisticRegressionTrainer(reference.Options(1e-9) with { MaxIterations = 2 })
            .Fit(reference.TrainingSet(), new SynchronousReporter(p => last = p));
        Assert.True(last.Finished);
        Assert.False(last.Converged);
        Assert.True(last.GradientNorm > new LogisticRegressionOptions().GradientTolerance);
    }

    private sealed class SynchronousReporter(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
