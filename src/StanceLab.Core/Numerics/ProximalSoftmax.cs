namespace StanceLab.Numerics;

/// <summary>
/// The one-example step of dual coordinate ascent for multinomial logistic regression:
/// <code>q = argmax over the simplex of  H(q) + z·q − (ρ/2)·‖q − q₀‖²</code>
/// with H the entropy. At ρ = 0 the answer is softmax(z); ρ &gt; 0 keeps the step near the current
/// dual point q₀. Stationarity gives log q_c + ρ·q_c = a_c − ν, a_c = z_c + ρ·q₀_c, for one
/// multiplier ν: each q_c = W(ρ·e^(a_c − ν)) / ρ with W the Lambert function, and ν is the root of
/// Σ q_c(ν) = 1, a decreasing function that lies in [lse(a) − ρ, lse(a)]. The root is found by
/// Newton's method kept inside that bracket (bisecting whenever a step would leave it), so no ρ,
/// however large, and no start can make it diverge.
/// </summary>
public static class ProximalSoftmax
{
    private const int MaxNewtonSteps = 200;

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
            Normalize(q);
            for (int c = 0; c < k; c++) logQ[c] = Math.Log(q[c]);
            return 0;
        }
        if (k == 2) return SolveTwo(z[1] - z[0], q0[1], rho, q, logQ);

        Span<double> a = stackalloc double[k];
        for (int c = 0; c < k; c++) a[c] = z[c] + rho * q0[c];
        double upper = SoftmaxMath.LogSumExp(a), lower = upper - rho;
        double nu = WarmStart(a, q0, rho, lower, upper);
        double logRho = Math.Log(rho);

        int steps = 0;
        for (; steps < MaxNewtonSteps; steps++)
        {
            double sum = 0, slope = 0;
            for (int c = 0; c < k; c++)
            {
                double w = LambertWOfExp(a[c] - nu + logRho, out double logW);
                logQ[c] = logW - logRho;
                q[c] = w / rho;
                sum += q[c];
                slope += q[c] / (1 + w);
            }
            double excess = sum - 1;
            if (Math.Abs(excess) <= 1e-14) break;
            if (excess > 0) lower = nu; else upper = nu;
            double next = nu + excess / slope;
            if (!(next > lower && next < upper)) next = 0.5 * (lower + upper);
            double step = next - nu;
            nu = next;
            if (Math.Abs(step) <= 1e-15 * (1 + Math.Abs(nu))) break;
        }
        // Σq is within rounding of 1; make it exact so the dual point stays feasible.
        Normalize(q);
        return steps;
    }

    private static void Normalize(Span<double> q)
    {
        double total = 0;
        foreach (var qc in q) total += qc;
        for (int c = 0; c < q.Length; c++) q[c] /= total;
    }

    /// <summary>
    /// A starting ν inside [<paramref name="lower"/>, <paramref name="upper"/>]. In a later pass the
    /// new point is usually close to q₀, which solved the previous step's conditions, so start from
    /// the ν that q₀'s largest entry implies; with a zero in q₀ (the first visit) from lse(a).
    /// </summary>
    private static double WarmStart(ReadOnlySpan<double> a, ReadOnlySpan<double> q0, double rho, double lower, double upper)
    {
        int largest = 0;
        for (int c = 0; c < q0.Length; c++)
        {
            if (!(q0[c] > 0)) return upper;
            if (q0[c] > q0[largest]) largest = c;
        }
        return Math.Clamp(a[largest] - Math.Log(q0[largest]) - rho * q0[largest], lower, upper);
    }

    /// <summary>
    /// W(eˣ), the w &gt; 0 with w + log w = x, without forming eˣ (x may be far beyond its range);
    /// <paramref name="logW"/> gets log w, exact even where w underflows. Newton's method on the
    /// concave w + log w − x from a start at or left of the root rises monotonically to it.
    /// </summary>
    internal static double LambertWOfExp(double x, out double logW)
    {
        if (x < -30)
        {
            // W(y) = y − y² + … : below e⁻³⁰ the second term is under a part in 10¹³.
            logW = x - Math.Exp(x);
            return Math.Exp(logW);
        }
        double w;
        if (x <= 1)
        {
            double y = Math.Exp(x);
            w = y / (1 + y);
        }
        else
        {
            double lx = Math.Log(x);
            w = x - lx + lx / x;
        }
        for (int i = 0; i < 50; i++)
        {
            double f = w + Math.Log(w) - x;
            double next = w - f * w / (1 + w);
            if (!(next > 0)) next = 0.5 * w;
            bool done = Math.Abs(next - w) <= 1e-15 * w;
            w = next;
            if (done) break;
        }
        logW = Math.Log(w);
        return w;
    }

    /// <summary>
    /// Two classes: with p = q₁ and u = logit(p) the conditions reduce to
    /// g(u) = u + 2ρ·σ(u) − (Δ + 2ρ·p₀) = 0, Δ = z₁ − z₀. g increases, and as 0 &lt; σ &lt; 1 the root
    /// lies in (T − 2ρ, T), T = Δ + 2ρ·p₀: Newton's method kept inside that bracket (bisecting when a
    /// step leaves it), started from the current point.
    /// </summary>
    private static int SolveTwo(double delta, double p0, double rho, Span<double> q, Span<double> logQ)
    {
        double target = delta + 2 * rho * p0;
        double lo = target - 2 * rho, hi = target;
        // From a vertex (first visit), one fixed-point step from T: exact when ρ·σ(T) is negligible.
        double u = Math.Clamp(p0 > 0 && p0 < 1 ? Math.Log(p0 / (1 - p0)) : target - 2 * rho * Sigmoid(target), lo, hi);
        int steps = 0;
        for (; steps < MaxNewtonSteps; steps++)
        {
            double sigma = Sigmoid(u);
            double g = u + 2 * rho * sigma - target;
            // Below a few units in the last place of its terms, g's sign is rounding noise.
            if (Math.Abs(g) <= 4e-16 * (Math.Abs(u) + 2 * rho * sigma + Math.Abs(target))) break;
            if (g > 0) hi = u; else lo = u;
            double next = u - g / (1 + 2 * rho * sigma * (1 - sigma));
            if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
            double step = next - u;
            u = next;
            if (Math.Abs(step) <= 1e-15 * (1 + Math.Abs(u))) break;
        }
        // log σ(u) and log σ(−u) without overflow or cancellation on either side.
        double e = Math.Exp(-Math.Abs(u));
        double logOnePlus = Math.Log(1 + e);
        double logLarger = -logOnePlus, logSmaller = -Math.Abs(u) - logOnePlus;
        logQ[1] = u >= 0 ? logLarger : logSmaller;
        logQ[0] = u >= 0 ? logSmaller : logLarger;
        q[1] = Math.Exp(logQ[1]);
        q[0] = Math.Exp(logQ[0]);
        Normalize(q);
        return steps;
    }

    private static double Sigmoid(double u)
    {
        double e = Math.Exp(-Math.Abs(u));
        return u >= 0 ? 1 / (1 + e) : e / (1 + e);
    }
}
