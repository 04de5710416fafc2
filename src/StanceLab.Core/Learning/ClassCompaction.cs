using StanceLab.Learning.Linear;

namespace StanceLab.Learning;

/// <summary>
/// What a trainer learns from <see cref="TrainingSet"/>'s labels: only the classes that occur (an
/// absent class would drive its unpenalized bias to −∞), the labels renumbered over them, and each
/// row's loss weight (its row weight, times the class weight when balanced) and their sum, which
/// must be positive. Every trainer starts here, so they all refuse the same data with the same
/// messages.
/// </summary>
internal sealed record ClassCompaction(int[] Present, int[] Labels, double[] Weights, double WeightSum)
{
    public int Count => Present.Length;

    /// <summary>The names of the learned classes, in the compact order.</summary>
    public string[] ClassNames(TrainingSet data) => Present.Select(c => data.Classes[c]).ToArray();

    public static ClassCompaction Of(TrainingSet data, ClassWeighting weighting)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count == 0) throw new TrainingException("No training rows.");
        var counts = data.ClassCounts();
        var present = Enumerable.Range(0, data.Classes.Count).Where(c => counts[c] > 0).ToArray();
        if (present.Length < 2)
            throw new TrainingException($"Training needs at least two classes; every row has class '{data.Classes[present[0]]}'.");
        var compact = new int[data.Classes.Count];
        Array.Fill(compact, -1);
        for (int i = 0; i < present.Length; i++) compact[present[i]] = i;
        var labels = data.Labels.Select(y => compact[y]).ToArray();

        var weights = new double[labels.Length];
        double sum = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            double w = data.RowWeights?[i] ?? 1.0;
            if (weighting == ClassWeighting.Balanced)
                w *= (double)labels.Length / (present.Length * counts[present[labels[i]]]);
            if (!(w >= 0) || !double.IsFinite(w)) throw new TrainingException($"Row {i} has an invalid weight {w}.");
            weights[i] = w;
            sum += w;
        }
        if (!(sum > 0)) throw new TrainingException("The row weights sum to zero.");
        return new ClassCompaction(present, labels, weights, sum);
    }
}
