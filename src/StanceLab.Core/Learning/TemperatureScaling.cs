namespace StanceLab.Learning;

/// <summary>
/// Temperature scaling (Guo et al., 2017): probabilities p become softmax(log p / T). T above 1
/// softens an over-confident model, below 1 sharpens an under-confident one; the ranking of the
/// classes, and so every predicted label, never changes. For a softmax model log p is the logit
/// up to a constant, so this is softmax(logit / T) exactly.
/// </summary>
public static class TemperatureScaling
{
    public const double MinTemperature = 0.05;
    public const double MaxTemperature = 20;

    /// <summary>Writes the scaled probabilities of <paramref name="probabilities"/> into <paramref name="scaled"/> (the same span is allowed).</summary>
    public static void Apply(ReadOnlySpan<double> probabilities, double temperature, Span<double> scaled)
    {
        if (!(temperature > 0) || !double.IsFinite(temperature)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "A temperature must be a positive number.");
        if (scaled.Length < probabilities.Length) throw new ArgumentException("The output is shorter than the input.", nameof(scaled));
        double max = double.NegativeInfinity;
        for (int c = 0; c < probabilities.Length; c++)
        {
            double z = probabilities[c] > 0 ? Math.Log(probabilities[c]) / temperature : double.NegativeInfinity;
            scaled[c] = z;
            if (z > max) max = z;
        }
        double sum = 0;
        for (int c = 0; c < probabilities.Length; c++)
        {
            scaled[c] = double.IsNegativeInfinity(scaled[c]) ? 0 : Math.Exp(scaled[c] - max);
            sum += scaled[c];
        }
        for (int c = 0; c < probabilities.Length; c++) scaled[c] /= sum;
    }

    /// <summary>Mean negative log-probability of the true class after scaling by <paramref name="temperature"/>.</summary>
    public static double LogLoss(IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities, double temperature)
    {
        var scaled = new double[probabilities.Count == 0 ? 0 : probabilities[0].Length];
        double loss = 0;
        for (int i = 0; i < truth.Count; i++)
        {
            if (scaled.Length != probabilities[i].Length) scaled = new double[probabilities[i].Length];
            Apply(probabilities[i], temperature, scaled);
            loss -= Math.Log(Math.Max(scaled[truth[i]], 1e-15));
        }
        return loss / Math.Max(1, truth.Count);
    }

    /// <summary>
    /// The temperature in [<see cref="MinTemperature"/>, <see cref="MaxTemperature"/>] that
    /// minimizes the log-loss of held-out <paramref name="probabilities"/> against
    /// <paramref name="truth"/>: a golden-section search on log T (the loss is unimodal in T),
    /// deterministic, to a relative precision of 1e-6.
    /// </summary>
    public static double Fit(IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (truth.Count != probabilities.Count) throw new ArgumentException("truth and probabilities differ in length.");
        if (truth.Count == 0) throw new ArgumentException("There are no rows to fit a temperature on.", nameof(truth));
        double lo = Math.Log(MinTemperature), hi = Math.Log(MaxTemperature);
        double ratio = (Math.Sqrt(5) - 1) / 2;
        double a = hi - ratio * (hi - lo), b = lo + ratio * (hi - lo);
        double fa = LogLoss(truth, probabilities, Math.Exp(a)), fb = LogLoss(truth, probabilities, Math.Exp(b));
        while (hi - lo > 1e-6)
        {
            if (fa <= fb)
            {
                hi = b; b = a; fb = fa;
                a = hi - ratio * (hi - lo);
                fa = LogLoss(truth, probabilities, Math.Exp(a));
            }
            else
            {
                lo = a; a = b; fa = fb;
                b = lo + ratio * (hi - lo);
                fb = LogLoss(truth, probabilities, Math.Exp(b));
            }
        }
        return Math.Exp((lo + hi) / 2);
    }
}
