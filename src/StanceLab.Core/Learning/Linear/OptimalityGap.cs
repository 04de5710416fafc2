using StanceLab.Features;

namespace StanceLab.Learning.Linear;

/// <summary>
/// How far a fitted linear model is from the optimum of scikit-learn's objective
/// C·Σ w_i·(−log p(y_i | x_i)) + ½‖W‖² (intercepts unpenalized): the largest component of its
/// gradient, divided by C·S (S the row-weight sum) so the measure does not grow with the data.
/// ML.NET reports neither iterations nor convergence, so StanceLab checks the model it returns.
/// </summary>
internal static class OptimalityGap
{
    public static double MaxGradient(LinearClassifier model, IReadOnlyList<SparseVector> rows, int[] labels, double[] rowWeights, double weightSum, double c)
    {
        int k = model.Classes.Count, d = model.FeatureCount;
        var gradient = new double[d * k];
        var biasGradient = new double[k];
        Span<double> p = stackalloc double[k];
        for (int i = 0; i < rows.Count; i++)
        {
            double w = rowWeights[i];
            if (w == 0) continue;
            model.PredictProbabilities(rows[i], p);
            p[labels[i]] -= 1;
            var indices = rows[i].Indices;
            var values = rows[i].Values;
            for (int t = 0; t < indices.Length; t++)
            {
                double v = values[t] * w * c;
                int at = indices[t] * k;
                for (int cl = 0; cl < k; cl++) gradient[at + cl] += v * p[cl];
            }
            for (int cl = 0; cl < k; cl++) biasGradient[cl] += c * w * p[cl];
        }
        var weights = model.Weights;
        double max = 0;
        for (int j = 0; j < gradient.Length; j++) max = Math.Max(max, Math.Abs(gradient[j] + weights[j]));
        foreach (var g in biasGradient) max = Math.Max(max, Math.Abs(g));
        return max / (c * weightSum);
    }
}
