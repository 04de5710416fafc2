using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using StanceLab.Features;
using StanceLab.Numerics;

namespace StanceLab.Learning.Linear;

/// <summary>
/// Stochastic dual coordinate ascent for L2-regularized multinomial logistic regression
/// (Shalev-Shwartz &amp; Zhang, JMLR 2013). The primal is
/// <code>P(W) = Σ_i w_i·(lse(Wᵀx_i) − (Wᵀx_i)_{y_i}) + ‖W‖² / (2C)</code>
/// (scikit-learn's objective divided by C, with the intercept a constant feature). Each row i has a
/// dual point q_i on the probability simplex, W = C·Σ_i w_i·x_i ⊗ (e_{y_i} − q_i), and the dual is
/// <code>D(q) = Σ_i w_i·H(q_i) − ‖W‖² / (2C)</code>
/// with H the entropy. A step maximizes D over one q_i exactly (<see cref="ProximalSoftmax"/>), so D
/// never falls, and P − D ≥ P − P* bounds the distance to the optimum: the stopping test needs no
/// guess. Rows are visited in a seeded random order, one at a time, so the result is the same on any
/// number of cores; only the gap's primal pass runs in parallel, over fixed blocks summed in order.
/// </summary>
internal sealed class SdcaSolver
{
    private const int RowBlock = 1024;

    private readonly IReadOnlyList<SparseVector> _rows;
    private readonly int[] _labels;
    private readonly double[] _rowWeights;
    private readonly int _d, _k;
    private readonly double _c, _scaling, _weightSum;
    private readonly double[] _weights;
    private readonly double[] _interceptWeights;
    private readonly double[] _dual;
    private readonly double[] _rho;
    private readonly double[] _rowLoss;
    private readonly double[] _rowEntropy;

    public SdcaSolver(IReadOnlyList<SparseVector> rows, int[] labels, double[] rowWeights, double weightSum, int d, int k, double c, double interceptScaling)
    {
        _rows = rows;
        _labels = labels;
        _rowWeights = rowWeights;
        _d = d;
        _k = k;
        _c = c;
        _scaling = interceptScaling;
        _weights = new double[d * k];
        _interceptWeights = new double[k];
        _dual = new double[rows.Count * k];
        _rho = new double[rows.Count];
        _rowLoss = new double[rows.Count];
        _rowEntropy = new double[rows.Count];
        _weightSum = weightSum;
        for (int i = 0; i < rows.Count; i++)
        {
            // q_i = e_{y_i} is α_i = 0: the dual starts at W = 0, where it is feasible.
            _dual[i * k + labels[i]] = 1;
            double norm = interceptScaling * interceptScaling;
            foreach (var v in rows[i].Values) norm += (double)v * v;
            _rho[i] = c * rowWeights[i] * norm;
        }
    }

    /// <summary>Feature-major weights, W[j, c] at j·K + c.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    public double[] Intercepts() => _interceptWeights.Select(w => w * _scaling).ToArray();

    /// <summary>
    /// Runs passes until the gap per unit of row weight is at most <paramref name="tolerance"/> or
    /// <paramref name="maxPasses"/> are done. Reports (pass, P / Σw, gap / Σw) after every pass.
    /// </summary>
    public (int Passes, double Objective, double Gap, bool Converged) Run(int maxPasses, double tolerance, int seed, Action<int, double, double>? passDone, CancellationToken cancellation)
    {
        var order = Enumerable.Range(0, _rows.Count).Where(i => _rowWeights[i] > 0).ToArray();
        var random = new Random(seed);
        int k = _k;
        Span<double> z = stackalloc double[k];
        Span<double> next = stackalloc double[k];
        Span<double> logQ = stackalloc double[k];
        Span<double> delta = stackalloc double[k];
        double objective = double.NaN, gap = double.NaN;
        for (int pass = 1; pass <= maxPasses; pass++)
        {
            cancellation.ThrowIfCancellationRequested();
            random.Shuffle(order);
            foreach (int i in order) Step(i, z, next, logQ, delta);
            (objective, gap) = Gap();
            // Every step is an exact, bracketed maximization, so this means non-finite input got in.
            if (!double.IsFinite(objective) || !double.IsFinite(gap))
                throw new TrainingException($"Dual coordinate ascent reached a non-finite objective ({objective}) in pass {pass}; check the features and row weights for extreme values.");
            passDone?.Invoke(pass, objective, gap);
            if (gap <= tolerance) return (pass, objective, gap, true);
        }
        return (maxPasses, objective, gap, false);
    }

    private void Step(int i, Span<double> z, Span<double> next, Span<double> logQ, Span<double> delta)
    {
        int k = _k;
        var row = _rows[i];
        var indices = row.Indices;
        var values = row.Values;
        for (int c = 0; c < k; c++) z[c] = _scaling * _interceptWeights[c];
        AddLogits(indices, values, z);
        var q = _dual.AsSpan(i * k, k);
        ProximalSoftmax.Solve(z, q, _rho[i], next, logQ);
        double scale = _c * _rowWeights[i];
        // The step already knows log q: the row's entropy for the dual costs no logarithm here or in the gap.
        double entropy = 0;
        for (int c = 0; c < k; c++)
        {
            delta[c] = scale * (q[c] - next[c]);
            if (next[c] > 0) entropy -= next[c] * logQ[c];
        }
        _rowEntropy[i] = _rowWeights[i] * entropy;
        next.CopyTo(q);

        // Indices were checked against the feature count when the TrainingSet was built.
        ref double weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        for (int t = 0; t < indices.Length; t++)
        {
            double v = values[t];
            ref double wj = ref Unsafe.Add(ref weights, indices[t] * k);
            for (int c = 0; c < delta.Length; c++) Unsafe.Add(ref wj, c) += v * delta[c];
        }
        for (int c = 0; c < k; c++) _interceptWeights[c] += _scaling * delta[c];
    }

    /// <summary>z += Wᵀx over the row's non-zeros (the hot loop of both the steps and the gap).</summary>
    private void AddLogits(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<double> z)
    {
        int k = _k;
        ref double weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        for (int t = 0; t < indices.Length; t++)
        {
            double v = values[t];
            ref double wj = ref Unsafe.Add(ref weights, indices[t] * k);
            for (int c = 0; c < z.Length; c++) z[c] += v * Unsafe.Add(ref wj, c);
        }
    }

    /// <summary>P / Σw and (P − D) / Σw at the current point.</summary>
    private (double Objective, double Gap) Gap()
    {
        int n = _rows.Count;
        Parallel.For(0, (n + RowBlock - 1) / RowBlock, block => RowTerms(block * RowBlock, Math.Min(n, (block + 1) * RowBlock)));
        double loss = 0, entropy = 0;
        for (int i = 0; i < n; i++)
        {
            loss += _rowLoss[i];
            entropy += _rowEntropy[i];
        }
        double squaredNorm = VectorMath.Dot(_weights, _weights) + VectorMath.Dot(_interceptWeights, _interceptWeights);
        double primal = loss + squaredNorm / (2 * _c);
        double dual = entropy - squaredNorm / (2 * _c);
        return (primal / _weightSum, Math.Max(0, primal - dual) / _weightSum);
    }

    private void RowTerms(int start, int end)
    {
        int k = _k;
        Span<double> z = stackalloc double[k];
        for (int i = start; i < end; i++)
        {
            double w = _rowWeights[i];
            if (w == 0)
            {
                _rowLoss[i] = 0;
                continue;
            }
            for (int c = 0; c < k; c++) z[c] = _scaling * _interceptWeights[c];
            AddLogits(_rows[i].Indices, _rows[i].Values, z);
            _rowLoss[i] = w * (SoftmaxMath.LogSumExp(z) - z[_labels[i]]);
        }
    }
}
