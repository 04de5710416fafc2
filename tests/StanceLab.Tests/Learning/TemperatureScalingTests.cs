using StanceLab.Features;
using StanceLab.Learning;

namespace StanceLab.Tests.Learning;

public sealed class TemperatureScalingTests
{
    [Fact]
    public void Scaling_is_softmax_of_log_probabilities_over_the_temperature()
    {
        double[] p = [0.5, 0.3, 0.2];
        var q = new double[3];

        TemperatureScaling.Apply(p, 2, q);

        double norm = p.Sum(Math.Sqrt);
        Assert.Equal(p.Select(x => Math.Sqrt(x) / norm), q, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(4.0)]
    public void Scaling_keeps_the_ranking_and_sums_to_one(double temperature)
    {
        double[] p = [0.05, 0.6, 0.25, 0.1, 0.0];
        var q = new double[p.Length];

        TemperatureScaling.Apply(p, temperature, q);

        Assert.Equal(1.0, q.Sum(), 12);
        Assert.Equal(Enumerable.Range(0, p.Length).OrderByDescending(i => p[i]), Enumerable.Range(0, q.Length).OrderByDescending(i => q[i]));
        Assert.Equal(0.0, q[4]);
        if (temperature == 1.0) Assert.Equal(p, q, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Fitting_recovers_the_temperature_that_generated_the_labels()
    {
        // Logits z; labels drawn from softmax(z / 2); the model reports softmax(z), over-confident by T = 2.
        var random = new Random(7);
        var truth = new List<int>();
        var reported = new List<double[]>();
        for (int i = 0; i < 20_000; i++)
        {
            double[] z = [random.NextDouble() * 8, random.NextDouble() * 8, random.NextDouble() * 8];
            var p = Softmax(z, 1);
            var generating = Softmax(z, 2);
            double u = random.NextDouble();
            int label = u < generating[0] ? 0 : u < generating[0] + generating[1] ? 1 : 2;
            truth.Add(label);
            reported.Add(p);
        }

        double fitted = TemperatureScaling.Fit(truth, reported);

        Assert.InRange(fitted, 1.9, 2.1);
        Assert.True(TemperatureScaling.LogLoss(truth, reported, fitted) < TemperatureScaling.LogLoss(truth, reported, 1));
    }

    [Fact]
    public void A_scaled_classifier_predicts_the_same_labels_and_explains_the_unscaled_logit()
    {
        var inner = new FixedClassifier([0.7, 0.2, 0.1]);
        var scaled = new TemperatureScaledClassifier(inner, 3);
        var p = new double[3];

        scaled.PredictProbabilities(new SparseVector([], []), p);

        Assert.Equal(0, Array.IndexOf(p, p.Max()));
        Assert.True(p[0] < 0.7);
        Assert.Equal(inner.Explain(new SparseVector([], []), 0), scaled.Explain(new SparseVector([], []), 0));
        Assert.Throws<ArgumentException>(() => new TemperatureScaledClassifier(scaled, 2));
    }

    private static double[] Softmax(double[] z, double t)
    {
        var e = z.Select(v => Math.Exp(v / t)).ToArray();
        return e.Select(v => v / e.Sum()).ToArray();
    }

    private sealed class FixedClassifier(double[] probabilities) : IClassifier
    {
        private readonly Explanation _explanation = new(0, 0.5, [], 1.5);

        public string Kind => "fixed";
        public IReadOnlyList<string> Classes { get; } = ["a", "b", "c"];
        public int FeatureCount => 0;
        public void PredictProbabilities(SparseVector features, Span<double> output) => probabilities.CopyTo(output);
        public Explanation Explain(SparseVector features, int classIndex) => _explanation;
    }
}
