using System.Collections.Concurrent;
using System.Globalization;
using StanceLab.Features;
using StanceLab.Learning;
using StanceLab.Learning.Linear;
using Xunit.Abstractions;

namespace StanceLab.Tests.Learning;

/// <summary>
/// Dual coordinate ascent (<see cref="LinearSolver.Sdca"/>) through <see cref="LogisticRegressionTrainer"/>:
/// what the progress reports promise (a dual that never falls, a gap that bounds the distance to
/// the optimum, the reason for stopping), determinism, and the optimum itself, checked by its
/// optimality conditions and against L-BFGS where the two objectives coincide. Agreement with
/// scikit-learn is <see cref="SklearnAgreementTests"/>'s. The data is small, synthetic and seeded;
/// its rows have unit norm, so each row's proximal parameter is ρ = C·w·(1 + s²).
/// </summary>
public sealed class SdcaSolverTests(ITestOutputHelper output)
{
    [Fact]
    public void The_dual_never_falls_and_stays_below_every_primal_value_until_the_gap_reaches_the_tolerance()
    {
        var data = Blobs([40, 40, 40], featureCount: 10, seed: 1);
        var options = Sdca(c: 1.0, gapTolerance: 1e-8);

        var (_, reports) = Fit(options, data);

        var passes = reports.Where(r => !r.Finished).ToArray();
        var final = Assert.Single(reports, r => r.Finished);
        Assert.True(reports[^1].Finished, "The finished report comes last.");
        Assert.Equal(Enumerable.Range(1, passes.Length), passes.Select(r => r.Iteration));
        Assert.All(reports, r => Assert.Equal(options.MaxIterations, r.MaxIterations));

        // D = P − gap per pass. Dual ascent maximizes D exactly over one row at a time: it cannot fall.
        var dual = passes.Select(r => r.Objective - r.GradientNorm).ToArray();
        for (int t = 1; t < dual.Length; t++)
            Assert.True(dual[t] >= dual[t - 1] - 1e-12 * Math.Abs(dual[t - 1]), $"The dual fell from {dual[t - 1]:R} after pass {t} to {dual[t]:R} after pass {t + 1}.");
        // Weak duality: every dual value is at most every primal value, not just the one of its own pass.
        Assert.True(dual.Max() <= passes.Min(r => r.Objective) + 1e-12, $"max D = {dual.Max():R} exceeds min P = {passes.Min(r => r.Objective):R}.");

        // It stops at the first pass whose gap is within the tolerance, and says so.
        Assert.All(passes[..^1], r => Assert.True(r.GradientNorm > options.DualityGapTolerance));
        Assert.True(passes[^1].GradientNorm <= options.DualityGapTolerance);
        Assert.True(final.Converged);
        Assert.Equal("DualityGap", final.Stop);
        Assert.Equal(passes.Length, final.Iteration);
        Assert.Equal(passes[^1].Objective, final.Objective);
        Assert.Equal(passes[^1].GradientNorm, final.GradientNorm);
    }

    [Fact]
    public void The_gap_of_every_pass_bounds_how_far_its_primal_is_from_the_optimum()
    {
        var data = Blobs([30, 50, 20], featureCount: 8, seed: 2);
        var (_, loose) = Fit(Sdca(c: 2.0, gapTolerance: 1e-6), data);
        var (_, tight) = Fit(Sdca(c: 2.0, gapTolerance: 1e-13), data);
        double optimum = tight[^1].Objective;

        // P* ≤ the tight fit's primal, so P_t − P_tight ≤ P_t − P* ≤ gap_t must hold at every pass.
        foreach (var pass in loose.Where(r => !r.Finished))
            Assert.True(pass.Objective - optimum <= pass.GradientNorm + 1e-13,
                $"Pass {pass.Iteration}: P − P* ≥ {pass.Objective - optimum:R} but the gap is {pass.GradientNorm:R}.");
    }

    [Fact]
    public void The_reported_objective_is_the_primal_of_the_returned_model_with_the_intercept_penalized_as_a_feature_of_value_s()
    {
        var data = Blobs([30, 30, 30], featureCount: 8, seed: 3, weighted: true);
        var options = Sdca(c: 1.5, gapTolerance: 1e-12) with { InterceptScaling = 2.0 };

        var (model, reports) = Fit(options, data);

        // Σ w_i·(lse(z_i) − z_i,y_i) + (‖W‖² + ‖b / s‖²) / (2C), per unit of row weight, from the
        // model's own parameters (its weights stored as float32, which moves P only to second order
        // at the optimum). Measured 9e-15 relative apart; leaving out the intercept's penalty would
        // move it by 8e-6.
        double expected = Primal(model, data, options.C, options.InterceptScaling);
        output.WriteLine(Invariant($"reported P = {reports[^1].Objective:R}, recomputed {expected:R}"));
        Assert.Equal(expected, reports[^1].Objective, 1e-9 * expected);
    }

    [Fact]
    public void One_pass_towards_an_unreachable_tolerance_stops_on_the_limit_and_says_it_did_not_converge()
    {
        var data = Blobs([20, 20, 20], featureCount: 6, seed: 4);
        var options = Sdca(c: 1.0, gapTolerance: 1e-300) with { MaxIterations = 1 };

        var (model, reports) = Fit(options, data);

        Assert.Equal(2, reports.Count);
        Assert.False(reports[0].Finished);
        Assert.Equal(1, reports[0].Iteration);
        var final = reports[1];
        Assert.True(final.Finished);
        Assert.False(final.Converged);
        Assert.Equal("MaxIterations", final.Stop);
        Assert.Equal(1, final.Iteration);
        Assert.True(final.GradientNorm > options.DualityGapTolerance);
        // After one pass the model is not optimal, but it is a usable model.
        Assert.All(model.Weights.ToArray(), w => Assert.True(float.IsFinite(w)));
        Assert.All(model.Biases.ToArray(), b => Assert.True(double.IsFinite(b)));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_bits_whether_the_gap_is_computed_on_one_thread_or_on_many()
    {
        // More than one block of 1024 rows, so the gap's primal pass has several blocks to share out.
        var data = Blobs([500, 400, 300], featureCount: 12, seed: 5);
        var options = Sdca(c: 1.0, gapTolerance: 1e-6) with { Seed = 17 };

        var (first, firstReports) = Fit(options, data);
        var (second, secondReports) = Fit(options, data);
        using var scheduler = new OneThreadScheduler();
        var (single, singleReports) = await Task.Factory.StartNew(() =>
        {
            // Parallel.For runs no wider than the current scheduler allows: here, on its one thread.
            Assert.Equal(1, TaskScheduler.Current.MaximumConcurrencyLevel);
            return Fit(options, data);
        }, CancellationToken.None, TaskCreationOptions.None, scheduler);

        AssertSameBits(first, second);
        AssertSameBits(first, single);
        Assert.Equal(firstReports, secondReports);
        Assert.Equal(firstReports, singleReports);
    }

    [Fact]
    public void Another_seed_visits_the_rows_in_another_order_but_reaches_the_same_optimum()
    {
        var data = Blobs([40, 30, 30], featureCount: 10, seed: 6);
        var (a, _) = Fit(Sdca(c: 1.0, gapTolerance: 1e-12) with { Seed = 1 }, data);
        var (b, _) = Fit(Sdca(c: 1.0, gapTolerance: 1e-12) with { Seed = 2 }, data);

        // The seed is used: the two paths end on different bits ...
        Assert.NotEqual(a.Biases.ToArray(), b.Biases.ToArray());
        // ... at the same optimum. Measured 4.7e-7 apart at most. (P is 1/C-strongly convex, so a gap
        // of 1e-12 per row keeps each fit within √(2·C·Σw·gap) = 1.4e-5 of the optimum, and the two
        // within 2e-5 of each other in probability: what is reached is much closer than that.)
        double difference = MaxProbabilityDifference(a, b, data);
        output.WriteLine(Invariant($"seeds 1 and 2: max |Δp| = {difference:E2}"));
        Assert.True(difference <= 5e-6, Invariant($"max |Δp| = {difference:E2}"));
    }

    [Fact]
    public void Sdca_and_lbfgs_reach_the_same_model_when_symmetry_makes_the_best_intercept_zero()
    {
        // Rotating the classes together with their feature blocks maps the data onto itself, so the
        // optimum is rotation-invariant: every class has the same intercept. Softmax ignores a shift
        // common to all classes, so SDCA's penalized intercept is 0 and L-BFGS's unpenalized one is
        // any constant: the two objectives have the same optimal weights and predictions.
        var data = RotationSymmetric(classes: 3, blockSize: 3, sharedFeatures: 2, baseRows: 25, seed: 7);
        var (sdca, _) = Fit(Sdca(c: 2.0, gapTolerance: 1e-13), data);
        var lbfgs = Assert.IsType<LinearClassifier>(new LogisticRegressionTrainer(new LogisticRegressionOptions
        {
            C = 2.0,
            Solver = LinearSolver.Lbfgs,
            GradientTolerance = 1e-10,
            MaxIterations = 10_000,
        }).Fit(data));

        // Measured: probabilities 2.2e-7 apart, weights 4.8e-7 apart, SDCA's intercepts at most 1.5e-7.
        double probabilities = MaxProbabilityDifference(sdca, lbfgs, data);
        double weights = sdca.Weights.ToArray().Zip(lbfgs.Weights.ToArray(), (x, y) => Math.Abs(x - y)).Max();
        double intercepts = sdca.Biases.ToArray().Max(Math.Abs);
        output.WriteLine(Invariant($"max |Δp| = {probabilities:E2}, max |ΔW| = {weights:E2}, max |b_sdca| = {intercepts:E2}"));
        Assert.True(probabilities <= 2e-6, Invariant($"max |Δp| = {probabilities:E2}"));
        Assert.True(weights <= 5e-6, Invariant($"max |ΔW| = {weights:E2}"));
        Assert.True(intercepts <= 2e-6, Invariant($"max |b| = {intercepts:E2}"));
    }

    [Fact]
    public void Sdca_with_a_lightly_penalized_intercept_predicts_like_lbfgs_with_an_unpenalized_one()
    {
        var data = Blobs([50, 30, 20], featureCount: 8, seed: 8);
        // s = 6 penalizes the intercept 36 times less than a unit feature.
        var (sdca, _) = Fit(Sdca(c: 1.0, gapTolerance: 1e-12) with { InterceptScaling = 6.0 }, data);
        var lbfgs = Assert.IsType<LinearClassifier>(new LogisticRegressionTrainer(new LogisticRegressionOptions
        {
            C = 1.0,
            Solver = LinearSolver.Lbfgs,
            GradientTolerance = 1e-9,
        }).Fit(data));

        // Measured: 1.3e-3 at most, from the intercept penalty that remains.
        double difference = MaxProbabilityDifference(sdca, lbfgs, data);
        output.WriteLine(Invariant($"s = 6: max |Δp| = {difference:E2}"));
        Assert.True(difference <= 1e-2, Invariant($"max |Δp| = {difference:E2}"));
        foreach (var row in data.Features)
        {
            var p = Probabilities(lbfgs, row);
            var sorted = p.OrderDescending().ToArray();
            if (sorted[0] - sorted[1] > 2 * difference)
                Assert.Equal(ArgMax(p), ArgMax(Probabilities(sdca, row)));
        }
    }

    [Fact]
    public void A_row_of_weight_zero_changes_nothing()
    {
        var data = Blobs([25, 25, 25], featureCount: 8, seed: 9);
        // An outlier of class 0 that would pull hard on feature 0 and on feature 8, which no other row has.
        var outlier = new SparseVector([0, 8], [0.6f, 0.8f]);
        var withOutlier = new TrainingSet(
            [.. data.Features, outlier], [.. data.Labels, 0], data.Classes, data.FeatureCount + 1,
            [.. Enumerable.Repeat(1.0, data.Count), 0.0]);
        var without = new TrainingSet(data.Features, data.Labels, data.Classes, data.FeatureCount + 1);
        var options = Sdca(c: 1.0, gapTolerance: 1e-12);

        var (a, _) = Fit(options, withOutlier);
        var (b, _) = Fit(options, without);

        for (int c = 0; c < a.Classes.Count; c++) Assert.Equal(0f, a.Weight(8, c));
        // Measured 0: the other rows happen to be visited in the same order. The bound is what two
        // orders of one problem reach at this gap (see the weight-two test below).
        double difference = MaxProbabilityDifference(a, b, withOutlier);
        output.WriteLine(Invariant($"weight-zero row: max |Δp| = {difference:E2}"));
        Assert.True(difference <= 5e-6, Invariant($"max |Δp| = {difference:E2}"));
    }

    [Fact]
    public void A_row_of_weight_two_counts_as_the_row_twice()
    {
        var data = Blobs([20, 20, 20], featureCount: 8, seed: 10);
        var weights = Enumerable.Range(0, data.Count).Select(i => i % 5 == 0 ? 2.0 : 1.0).ToArray();
        var weighted = new TrainingSet(data.Features, data.Labels, data.Classes, data.FeatureCount, weights);
        var doubled = Enumerable.Range(0, data.Count).SelectMany(i => Enumerable.Repeat(i, (int)weights[i])).ToArray();
        var repeated = new TrainingSet(doubled.Select(i => data.Features[i]).ToArray(), doubled.Select(i => data.Labels[i]).ToArray(), data.Classes, data.FeatureCount);
        var options = Sdca(c: 1.0, gapTolerance: 1e-12);

        var (a, _) = Fit(options, weighted);
        var (b, _) = Fit(options, repeated);

        // Measured 4.7e-7 apart: the two problems have one optimum, reached by different paths.
        double difference = MaxProbabilityDifference(a, b, data);
        output.WriteLine(Invariant($"weight two vs twice: max |Δp| = {difference:E2}"));
        Assert.True(difference <= 5e-6, Invariant($"max |Δp| = {difference:E2}"));
    }

    /// <summary>
    /// Large ρ = C·w·(‖x‖² + s²) on some rows: strong C, a rare class weighted up, a large
    /// intercept scaling. These once ended in NaN weights with no error; they must converge.
    /// </summary>
    [Theory]
    [InlineData(100.0, false, 1.0)]
    [InlineData(10.0, true, 1.0)]
    [InlineData(10.0, false, 10.0)]
    public void Strong_C_heavy_class_weights_or_a_large_intercept_scaling_still_converge_to_finite_weights(double c, bool balanced, double scaling)
    {
        var data = Blobs([114, 6, 40], featureCount: 6, seed: 17, labelNoise: 0.1);
        var options = Sdca(c, gapTolerance: 1e-6) with
        {
            ClassWeighting = balanced ? ClassWeighting.Balanced : ClassWeighting.None,
            InterceptScaling = scaling,
        };

        var (model, reports) = Fit(options, data);

        Assert.True(reports[^1].Converged, $"stopped on {reports[^1].Stop} after {reports[^1].Iteration} passes, gap {reports[^1].GradientNorm:E2}");
        Assert.All(model.Weights.ToArray(), w => Assert.True(float.IsFinite(w)));
        Assert.All(model.Biases.ToArray(), b => Assert.True(double.IsFinite(b)));
    }

    [Fact]
    public void Balanced_class_weighting_raises_the_minority_class_as_if_each_row_weighed_n_over_k_n_c()
    {
        // About 3 to 1, with overlapping classes and noisy labels.
        var data = Blobs([75, 25], featureCount: 6, seed: 11, labelNoise: 0.25);
        var options = Sdca(c: 1.0, gapTolerance: 1e-12);
        int minority = Array.IndexOf(data.ClassCounts(), data.ClassCounts().Min());

        var (plain, _) = Fit(options, data);
        var (balanced, _) = Fit(options with { ClassWeighting = ClassWeighting.Balanced }, data);

        double MeanMinority(LinearClassifier model) => data.Features.Average(row => Probabilities(model, row)[minority]);
        int PredictedMinority(LinearClassifier model) => data.Features.Count(row => ArgMax(Probabilities(model, row)) == minority);
        output.WriteLine(Invariant($"mean p(minority): {MeanMinority(plain):F3} -> {MeanMinority(balanced):F3}; predicted minority: {PredictedMinority(plain)} -> {PredictedMinority(balanced)}"));
        Assert.True(MeanMinority(balanced) > MeanMinority(plain) + 0.05);
        Assert.True(PredictedMinority(balanced) > PredictedMinority(plain));

        // The documented weights, given by hand, make the same fit.
        var counts = data.ClassCounts();
        var explicitWeights = data.Labels.Select(y => (double)data.Count / (counts.Length * counts[y])).ToArray();
        var (byHand, _) = Fit(options, new TrainingSet(data.Features, data.Labels, data.Classes, data.FeatureCount, explicitWeights));
        Assert.True(MaxProbabilityDifference(balanced, byHand, data) <= 1e-9);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void At_the_optimum_the_weights_and_the_intercept_are_C_times_the_weighted_residuals_as_closely_as_the_gap_allows(double s)
    {
        // Stationarity of P: W = C·Σ_i w_i·x_i ⊗ (e_y − p_i) and, for the constant feature of value s
        // whose weight is b / s, b = C·s²·Σ_i w_i·(e_y − p_i), with p_i the model's own probabilities.
        var data = Blobs([30, 25, 20], featureCount: 6, seed: 12, weighted: true);
        double c = 1.5;
        var (model, reports) = Fit(Sdca(c, gapTolerance: 1e-13) with { InterceptScaling = s }, data);
        int k = model.Classes.Count;

        var residualSum = new double[k];
        var weightSum = new double[data.FeatureCount * k];
        double rowWeightSum = 0, curvature = 1 / c;
        for (int i = 0; i < data.Count; i++)
        {
            double w = data.RowWeights![i];
            var p = Probabilities(model, data.Features[i]);
            var row = data.Features[i];
            for (int cls = 0; cls < k; cls++)
            {
                double residual = w * ((data.Labels[i] == cls ? 1 : 0) - p[cls]);
                residualSum[cls] += residual;
                for (int t = 0; t < row.Count; t++) weightSum[row.Indices[t] * k + cls] += row.Values[t] * residual;
            }
            rowWeightSum += w;
            curvature += 0.5 * w * (Math.Pow(row.Norm(), 2) + s * s);
        }

        // How closely: the softmax loss has curvature at most ½ per unit of ‖x̃‖², so ∇P is
        // L-Lipschitz with L = 1/C + ½·Σ w_i·(‖x_i‖² + s²), and then ‖∇P‖ ≤ √(2·L·(P − P*)) with
        // P − P* at most the reported gap. The identities above are C·∇_W P and s·C·∇_{b/s} P; 1e-6
        // more covers the weights' float32 storage. Measured 6 to 50 times inside this bound.
        double gradientBound = Math.Sqrt(2 * curvature * reports[^1].GradientNorm * rowWeightSum);
        double interceptError = Enumerable.Range(0, k).Max(cls => Math.Abs(model.Biases[cls] - c * s * s * residualSum[cls]));
        double weightError = Enumerable.Range(0, weightSum.Length).Max(j => Math.Abs(model.Weights[j] - c * weightSum[j]));
        output.WriteLine(Invariant($"s = {s}: intercept error {interceptError:E2} (bound {s * c * gradientBound:E2}), weight error {weightError:E2} (bound {c * gradientBound:E2}), intercepts [{string.Join(", ", model.Biases.ToArray())}]"));
        Assert.True(interceptError <= s * c * gradientBound + 1e-6, Invariant($"b − C·s²·Σ w(e_y − p) = {interceptError:E2}"));
        Assert.True(weightError <= c * gradientBound + 1e-6, Invariant($"W − C·Σ w·x(e_y − p) = {weightError:E2}"));
        // The bound must be tight enough to tell: the intercepts are far from zero, and far from what
        // an unpenalized intercept (Σ w(e_y − p) = 0) or a missing factor s would give.
        Assert.True(s * c * gradientBound < 1e-3, Invariant($"the gap leaves ‖∇P‖ up to {gradientBound:E2}"));
        Assert.True(model.Biases.ToArray().Max(Math.Abs) > 0.05);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void An_intercept_scaling_that_is_not_a_positive_number_is_rejected_by_name(double scaling)
    {
        var error = Assert.Throws<ArgumentException>(() => new LogisticRegressionTrainer(new LogisticRegressionOptions { InterceptScaling = scaling }));
        Assert.Equal(nameof(LogisticRegressionOptions.InterceptScaling), error.ParamName);
        Assert.Contains("InterceptScaling", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-4)]
    [InlineData(double.NaN)]
    public void A_duality_gap_tolerance_that_is_not_positive_is_rejected_by_name(double tolerance)
    {
        var error = Assert.Throws<ArgumentException>(() => new LogisticRegressionTrainer(new LogisticRegressionOptions { DualityGapTolerance = tolerance }));
        Assert.Equal(nameof(LogisticRegressionOptions.DualityGapTolerance), error.ParamName);
        Assert.Contains("DualityGapTolerance", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_whose_weights_are_all_zero_fail_with_a_training_exception()
    {
        var data = Blobs([5, 5], featureCount: 4, seed: 13);
        var zero = new TrainingSet(data.Features, data.Labels, data.Classes, data.FeatureCount, new double[data.Count]);

        var error = Assert.Throws<TrainingException>(() => new LogisticRegressionTrainer(Sdca(c: 1.0, gapTolerance: 1e-4)).Fit(zero));
        Assert.Contains("zero", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_fit_throws_instead_of_returning_a_model()
    {
        var data = Blobs([10, 10], featureCount: 4, seed: 14);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new LogisticRegressionTrainer(Sdca(c: 1.0, gapTolerance: 1e-4)).Fit(data, cancellation: cancelled.Token));
    }

    private static LogisticRegressionOptions Sdca(double c, double gapTolerance) => new()
    {
        C = c,
        Solver = LinearSolver.Sdca,
        DualityGapTolerance = gapTolerance,
        MaxIterations = 10_000,
    };

    private static (LinearClassifier Model, List<TrainingProgress> Reports) Fit(LogisticRegressionOptions options, TrainingSet data)
    {
        var recorder = new Recorder();
        var model = Assert.IsType<LinearClassifier>(new LogisticRegressionTrainer(options).Fit(data, recorder));
        return (model, recorder.Reports);
    }

    /// <summary>Keeps every report, synchronously and in order (<see cref="Progress{T}"/> would post them).</summary>
    private sealed class Recorder : IProgress<TrainingProgress>
    {
        public List<TrainingProgress> Reports { get; } = [];

        public void Report(TrainingProgress value) => Reports.Add(value);
    }

    /// <summary>Runs every task on one dedicated thread, so a Parallel.For started from it has one worker.</summary>
    private sealed class OneThreadScheduler : TaskScheduler, IDisposable
    {
        private readonly BlockingCollection<Task> _queue = [];
        private readonly Thread _thread;

        public OneThreadScheduler()
        {
            _thread = new Thread(() =>
            {
                foreach (var task in _queue.GetConsumingEnumerable()) TryExecuteTask(task);
            }) { IsBackground = true };
            _thread.Start();
        }

        public override int MaximumConcurrencyLevel => 1;

        protected override void QueueTask(Task task) => _queue.Add(task);

        protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
            Thread.CurrentThread == _thread && TryExecuteTask(task);

        protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

        public void Dispose()
        {
            _queue.CompleteAdding();
            _thread.Join();
            _queue.Dispose();
        }
    }

    /// <summary>(Σ w_i·(lse(z_i) − z_i,y_i) + (‖W‖² + ‖b / s‖²) / (2C)) / Σ w_i, from the model's parameters.</summary>
    private static double Primal(LinearClassifier model, TrainingSet data, double c, double s)
    {
        int k = model.Classes.Count;
        var z = new double[k];
        double loss = 0, weightSum = 0;
        for (int i = 0; i < data.Count; i++)
        {
            double w = data.RowWeights?[i] ?? 1.0;
            model.Logits(data.Features[i], z);
            double max = z.Max();
            double lse = max + Math.Log(z.Sum(v => Math.Exp(v - max)));
            loss += w * (lse - z[data.Labels[i]]);
            weightSum += w;
        }
        double squaredNorm = model.Weights.ToArray().Sum(w => (double)w * w) + model.Biases.ToArray().Sum(b => b / s * (b / s));
        return (loss + squaredNorm / (2 * c)) / weightSum;
    }

    private static double[] Probabilities(IClassifier model, SparseVector row)
    {
        var p = new double[model.Classes.Count];
        model.PredictProbabilities(row, p);
        return p;
    }

    private static int ArgMax(double[] values) => Array.IndexOf(values, values.Max());

    private static double MaxProbabilityDifference(IClassifier a, IClassifier b, TrainingSet data) =>
        data.Features.Max(row => Probabilities(a, row).Zip(Probabilities(b, row), (x, y) => Math.Abs(x - y)).Max());

    private static void AssertSameBits(LinearClassifier expected, LinearClassifier actual)
    {
        Assert.Equal(expected.Weights.ToArray().Select(BitConverter.SingleToInt32Bits), actual.Weights.ToArray().Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(expected.Biases.ToArray().Select(BitConverter.DoubleToInt64Bits), actual.Biases.ToArray().Select(BitConverter.DoubleToInt64Bits));
    }

    /// <summary>
    /// Overlapping classes around random prototypes: each row carries about half of the features,
    /// its class's prototype plus noise, scaled to unit norm; a share <paramref name="labelNoise"/>
    /// of the labels is redrawn at random, so no class is separable. Rows come in a seeded order;
    /// <paramref name="weighted"/> adds row weights between 0.5 and 2.
    /// </summary>
    private static TrainingSet Blobs(int[] rowsPerClass, int featureCount, int seed, double labelNoise = 0.1, bool weighted = false)
    {
        var random = new Random(seed);
        int k = rowsPerClass.Length;
        var prototypes = Enumerable.Range(0, k).Select(_ => Enumerable.Range(0, featureCount).Select(_ => random.NextDouble()).ToArray()).ToArray();
        var truth = Enumerable.Range(0, k).SelectMany(c => Enumerable.Repeat(c, rowsPerClass[c])).ToArray();
        random.Shuffle(truth);
        var rows = new SparseVector[truth.Length];
        var labels = new int[truth.Length];
        for (int i = 0; i < truth.Length; i++)
        {
            var present = Enumerable.Range(0, featureCount).Where(_ => random.NextDouble() < 0.5).DefaultIfEmpty(random.Next(featureCount)).ToArray();
            var values = present.Select(j => prototypes[truth[i]][j] + 0.5 * random.NextDouble()).ToArray();
            double norm = Math.Sqrt(values.Sum(v => v * v));
            rows[i] = new SparseVector(present, values.Select(v => (float)(v / norm)).ToArray());
            labels[i] = random.NextDouble() < labelNoise ? random.Next(k) : truth[i];
        }
        // Keep every class present even under heavy label noise.
        for (int c = 0; c < k; c++) labels[c] = c;
        var weights = weighted ? Enumerable.Range(0, truth.Length).Select(_ => 0.5 + 1.5 * random.NextDouble()).ToArray() : null;
        return new TrainingSet(rows, labels, Enumerable.Range(0, k).Select(c => $"class{c}").ToArray(), featureCount, weights);
    }

    /// <summary>
    /// Data mapped onto itself by rotating the classes: class c owns the feature block
    /// [c·<paramref name="blockSize"/>, (c + 1)·<paramref name="blockSize"/>), and the shared
    /// features come last. Each of <paramref name="baseRows"/> random rows, strong on block 0 and
    /// weaker on the others, mostly of class 0 but a fifth of them of a random class (so nothing
    /// separates), appears once per rotation r: its class plus r, block b moved to block b + r (mod K).
    /// </summary>
    private static TrainingSet RotationSymmetric(int classes, int blockSize, int sharedFeatures, int baseRows, int seed)
    {
        var random = new Random(seed);
        int blocks = classes * blockSize, featureCount = blocks + sharedFeatures;
        var rows = new List<SparseVector>();
        var labels = new List<int>();
        for (int r = 0; r < baseRows; r++)
        {
            var values = new float[featureCount];
            for (int j = 0; j < featureCount; j++)
            {
                double scale = j < blockSize ? 1.0 : 0.6;
                if (random.NextDouble() < 0.6) values[j] = (float)(scale * random.NextDouble());
            }
            values[random.Next(blockSize)] += 0.1f;
            int label = random.NextDouble() < 0.2 ? random.Next(classes) : 0;
            for (int rotation = 0; rotation < classes; rotation++)
            {
                var rotated = new float[featureCount];
                for (int j = 0; j < blocks; j++) rotated[(j + rotation * blockSize) % blocks] = values[j];
                for (int j = blocks; j < featureCount; j++) rotated[j] = values[j];
                var indices = Enumerable.Range(0, featureCount).Where(j => rotated[j] != 0).ToArray();
                rows.Add(new SparseVector(indices, indices.Select(j => rotated[j]).ToArray()));
                labels.Add((label + rotation) % classes);
            }
        }
        return new TrainingSet(rows, labels, Enumerable.Range(0, classes).Select(c => $"class{c}").ToArray(), featureCount);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
