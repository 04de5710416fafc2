namespace StanceLab.Numerics;

/// <summary>
/// The one-example step of dual coordinate ascent for multinomial logistic regression:
/// <code>q = argmax over the simplex of  H(q) + z·q − (ρ/2)·‖q − q₀‖²</code>
/// with H the entropy. At ρ = 0 the answer is softmax(z); ρ &gt; 0 keeps the step near the current
/// dual point q₀. Stationarity gives log q_c + ρ·q_c = z_c + ρ·q₀_c − ν for one multiplier ν, so
/// each q_c is a Lambert-W function of ν and ν is the root of Σ q_c(ν) = 1. Both the per-class
/// equation and the one in ν are convex and monotone, so Newton's method converges from any start
/// without bracketing (after at most one step it approaches the root from one side).
/// </summary>
public static class ProximalSoftmax
{
    private const int MaxNewtonSteps = 100;

    /// <summary>
    /// Writes the maximizer into <paramref name="q"/>. <paramref name="logQ"/> is scratch of the same
    /// length (it ends holding log q). Returns the number of outer Newton steps taken.
    /// </summary>
    public static int Solve(ReadOnlySpan<double> z, ReadOnlySpan<double> q0, double rho, Span<double> q, Span<double> logQ)
    {
        int k = z.Length;
        if (q0.Length != k || q.Length != k || logQ.Length != k) throw new ArgumentException("All spans must have the length of z.");
        if (!(rho >= 0) || !double.IsFinite(rho)) throw new ArgumentOutOfRangeException(nameof(rho), rho, "ρ must be finite and non-negative.");
        if (rho == 0)
        {
            SoftmaxMath.Softmax(z, q);
            for (int c = 0; c < k; c++) logQ[c] = Math.Log(q[c]);
            return 0;
        }

        // a_c = z_c + ρ·q₀_c; at ν = lse(a) every q_c ≤ exp(a_c − ν), so the sum is at most 1 there.
        Span<double> a = stackalloc double[k];
        for (int c = 0; c < k; c++) a[c] = z[c] + rho * q0[c];
        double nu = SoftmaxMath.LogSumExp(a);
        for (int c = 0; c < k; c++) logQ[c] = StartLogQ(a[c] - nu, rho);

        int steps = 0;
        for (; steps < MaxNewtonSteps; steps++)
        {
            double sum = 0, slope = 0;
            for (int c = 0; c < k; c++)
            {
                logQ[c] = SolveLogQ(a[c] - nu, rho, logQ[c]);
                double qc = Math.Exp(logQ[c]);
                q[c] = qc;
                sum += qc;
                slope += qc / (1 + rho * qc);
            }
            double excess = sum - 1;
            if (Math.Abs(excess) <= 1e-13) break;
            nu += excess / slope;
        }
        // The last step left Σq within 1e-13 of 1; make it exact so the dual point stays feasible.
        double total = 0;
        foreach (var qc in q) total += qc;
        for (int c = 0; c < k; c++) q[c] /= total;
        return steps;
    }

    /// <summary>u = log q solving u + ρ·eᵘ = t (Newton from <paramref name="start"/>; the function is convex and increasing).</summary>
    internal static double SolveLogQ(double t, double rho, double start)
    {
        double u = start;
        for (int i = 0; i < MaxNewtonSteps; i++)
        {
            double e = rho * Math.Exp(u);
            double step = (u + e - t) / (1 + e);
            u -= step;
            // Convergence is quadratic: after a step of 1e-9 the error left is below 1e-17.
            if (Math.Abs(step) <= 1e-9 * (1 + Math.Abs(u))) break;
        }
        return u;
    }

    /// <summary>A start near log(W(ρ·eᵗ)/ρ), from the two ends of the Lambert W function.</summary>
    internal static double StartLogQ(double t, double rho)
    {
        double x = Math.Log(rho) + t;
        if (x <= 1) return t - Math.Log(1 + Math.Exp(x));
        return Math.Log(x - Math.Log(x)) - Math.Log(rho);
    }
}
