using StanceLab.Features;
using StanceLab.Numerics;

namespace StanceLab.Learning.Linear;

/// <summary>
/// Fits <see cref="LinearClassifier"/> to the optimum of the regularized multinomial log-loss (see
/// <see cref="LogisticRegressionOptions"/>), by full-batch L-BFGS or by dual coordinate ascent
/// (<see cref="LinearSolver"/>). Every sum runs in one fixed order, so the result is the same bit
/// for bit on any number of cores.
/// </summary>
public sealed class LogisticRegressionTrainer(LogisticRegressionOptions options) : ITrainer
{
    public LogisticRegressionOptions Options { get; } = (options ?? throw new ArgumentNullException(nameof(options))).Validate();

    public IClassifier Fit(TrainingSet data, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        var classes = ClassCompaction.Of(data, Options.ClassWeighting);
        if (Options.Solver == LinearSolver.Sdca) return FitByDualAscent(data, classes, progress, cancellation);
        var labels = classes.Labels;
        var rowWeights = classes.Weights;

        var objective = new SoftmaxObjective(data.Features, labels, rowWeights, classes.WeightSum, data.FeatureCount, classes.Count, Options.C);
        var minimizer = new LbfgsMinimizer
        {
            History = Options.History,
            MaxIterations = Options.MaxIterations,
            GradientTolerance = Options.GradientTolerance,
            FunctionTolerance = Options.FunctionTolerance,
        };
        var result = minimizer.Minimize(
            objective.Evaluate,
            new double[objective.ParameterCount],
            (iteration, value, gradNorm) => progress?.Report(new TrainingProgress(iteration, Options.MaxIterations, value, gradNorm)),
            cancellation);
        cancellation.ThrowIfCancellationRequested();
        // Running out of precision in the line search at a tiny gradient is the optimum as far as doubles can tell.
        bool converged = result.Converged || (result.Stop == MinimizerStop.LineSearchFailed && result.GradientNorm <= 100 * Options.GradientTolerance);
        progress?.Report(new TrainingProgress(result.Iterations, Options.MaxIterations, result.Value, result.GradientNorm, Finished: true, Converged: converged, Stop: result.Stop.ToString()));

        int d = data.FeatureCount, k = classes.Count;
        var weights = new float[d * k];
        for (int i = 0; i < weights.Length; i++) weights[i] = (float)result.Solution[i];
        var biases = result.Solution.AsSpan(d * k, k).ToArray();
        return new LinearClassifier(classes.ClassNames(data), d, weights, biases);
    }

    private LinearClassifier FitByDualAscent(TrainingSet data, ClassCompaction classes, IProgress<TrainingProgress>? progress, CancellationToken cancellation)
    {
        int d = data.FeatureCount, k = classes.Count;
        var solver = new SdcaSolver(data.Features, classes.Labels, classes.Weights, classes.WeightSum, d, k, Options.C, Options.InterceptScaling);
        var result = solver.Run(
            Options.MaxIterations,
            Options.DualityGapTolerance,
            Options.Seed,
            (pass, objective, gap) => progress?.Report(new TrainingProgress(pass, Options.MaxIterations, objective, gap)),
            cancellation);
        progress?.Report(new TrainingProgress(result.Passes, Options.MaxIterations, result.Objective, result.Gap,
            Finished: true, Converged: result.Converged, Stop: result.Converged ? "DualityGap" : "MaxIterations"));

        var weights = new float[d * k];
        var solution = solver.Weights;
        for (int i = 0; i < weights.Length; i++) weights[i] = (float)solution[i];
        return new LinearClassifier(classes.ClassNames(data), d, weights, solver.Intercepts());
    }

    /// <summary>
    /// (1/S)·[Σ_i w_i·(lse(z_i) − z_i,y_i)] + ‖W‖² / (2·C·S), with S = Σ w_i: scikit-learn's objective
    /// divided by C·S, which has the same minimizer and keeps the gradient's scale independent of n.
    /// The forward pass runs by rows (each row's logits and residuals are independent); the backward
    /// pass runs by features over a column-major copy of the data, so every gradient entry is a sum
    /// in one fixed order whatever the number of threads, and writes go to the gradient in sequence.
    /// </summary>
    private sealed class SoftmaxObjective
    {
        private const int RowBlock = 512;
        private const int FeatureBlock = 2048;

        private readonly IReadOnlyList<SparseVector> _rows;
        private readonly int[] _labels;
        private readonly double[] _rowWeights;
        private readonly int _d, _k;
        private readonly double _c, _weightSum;
        private readonly int[] _columnStart;
        private readonly int[] _columnRows;
        private readonly float[] _columnValues;
        private readonly double[] _residuals;
        private readonly double[] _rowLoss;
        private readonly double[] _parameters;

        // The weight gradient is written here by the parallel backward pass (a span cannot cross into it).
        private readonly double[] _gradient;

        public SoftmaxObjective(IReadOnlyList<SparseVector> rows, int[] labels, double[] rowWeights, double weightSum, int d, int k, double c)
        {
            _rows = rows;
            _labels = labels;
            _rowWeights = rowWeights;
            _d = d;
            _k = k;
            _c = c;
            _weightSum = weightSum;
            (_columnStart, _columnRows, _columnValues) = ToColumns(rows, d);
            _residuals = new double[rows.Count * k];
            _rowLoss = new double[rows.Count];
            _parameters = new double[ParameterCount];
            _gradient = new double[d * k];
        }

        public int ParameterCount => _d * _k + _k;

        private static (int[] Start, int[] Rows, float[] Values) ToColumns(IReadOnlyList<SparseVector> rows, int d)
        {
            var start = new int[d + 1];
            foreach (var row in rows)
                foreach (var j in row.Indices) start[j + 1]++;
            for (int j = 0; j < d; j++) start[j + 1] += start[j];
            var next = (int[])start.Clone();
            var columnRows = new int[start[d]];
            var columnValues = new float[start[d]];
            for (int i = 0; i < rows.Count; i++)
            {
                var idx = rows[i].Indices;
                var val = rows[i].Values;
                for (int t = 0; t < idx.Length; t++)
                {
                    int at = next[idx[t]]++;
                    columnRows[at] = i;
                    columnValues[at] = val[t];
                }
            }
            return (start, columnRows, columnValues);
        }

        public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
        {
            // The parallel loops cannot capture a span: copy into a buffer kept for the whole fit.
            theta.CopyTo(_parameters);
            int n = _rows.Count;
            Parallel.For(0, (n + RowBlock - 1) / RowBlock, block => Forward(block * RowBlock, Math.Min(n, (block + 1) * RowBlock)));

            double loss = 0;
            for (int i = 0; i < n; i++) loss += _rowLoss[i];

            Parallel.For(0, (_d + FeatureBlock - 1) / FeatureBlock, block => Backward(block * FeatureBlock, Math.Min(_d, (block + 1) * FeatureBlock)));
            _gradient.AsSpan(0, _d * _k).CopyTo(gradient);

            var bias = gradient.Slice(_d * _k, _k);
            bias.Clear();
            for (int i = 0; i < n; i++)
                for (int c = 0; c < _k; c++) bias[c] += _residuals[i * _k + c];

            int wCount = _d * _k;
            var weights = theta[..wCount];
            double penalty = VectorMath.Dot(weights, weights);
            VectorMath.Axpy(1.0 / _c, weights, gradient[..wCount]);
            VectorMath.Scale(gradient, 1.0 / _weightSum);
            return (loss + penalty / (2 * _c)) / _weightSum;
        }

        private void Forward(int start, int end)
        {
            int k = _k, biasAt = _d * _k;
            Span<double> z = stackalloc double[k];
            var theta = _parameters;
            for (int i = start; i < end; i++)
            {
                double w = _rowWeights[i];
                var residual = _residuals.AsSpan(i * k, k);
                if (w == 0)
                {
                    residual.Clear();
                    _rowLoss[i] = 0;
                    continue;
                }
                var row = _rows[i];
                var idx = row.Indices;
                var val = row.Values;
                theta.AsSpan(biasAt, k).CopyTo(z);
                for (int t = 0; t < idx.Length; t++)
                {
                    double v = val[t];
                    var wj = theta.AsSpan(idx[t] * k, k);
                    for (int c = 0; c < k; c++) z[c] += v * wj[c];
                }
                int y = _labels[i];
                double lse = SoftmaxMath.LogSumExp(z);
                _rowLoss[i] = w * (lse - z[y]);
                for (int c = 0; c < k; c++) residual[c] = w * (Math.Exp(z[c] - lse) - (c == y ? 1.0 : 0.0));
            }
        }

        private void Backward(int firstFeature, int endFeature)
        {
            int k = _k;
            var gradient = _gradient;
            for (int j = firstFeature; j < endFeature; j++)
            {
                var gj = gradient.AsSpan(j * k, k);
                gj.Clear();
                for (int at = _columnStart[j]; at < _columnStart[j + 1]; at++)
                {
                    double v = _columnValues[at];
                    var r = _residuals.AsSpan(_columnRows[at] * k, k);
                    for (int c = 0; c < k; c++) gj[c] += v * r[c];
                }
            }
        }
    }
}
