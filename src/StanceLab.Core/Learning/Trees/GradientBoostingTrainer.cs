using StanceLab.Features;
using StanceLab.Learning.Linear;
using StanceLab.Numerics;

namespace StanceLab.Learning.Trees;

/// <summary>
/// Multiclass gradient boosting with the softmax loss, in the spirit of FastTree/LightGBM: each
/// round grows one regression tree per class on the loss's gradient and diagonal hessian
/// (g = w(p − y), h = w·p(1 − p)), with Newton leaf values −G/(H + λ) shrunk by the learning rate.
///
/// Determinism: a round's trees are grown in parallel, one class per task, but each tree is grown
/// by one thread from data fixed before the round, and every random draw comes from a generator
/// seeded by (seed, round, class). The same data and options give the same model bit for bit on
/// any number of cores.
///
/// Early stopping holds out <see cref="GradientBoostingOptions.ValidationFraction"/> of the rows
/// (whole groups when <see cref="TrainingSet.Groups"/> is set, so sentences of one article stay
/// together; stratified by class otherwise), keeps the round with the lowest held-out log-loss
/// and drops the trees after it.
/// </summary>
public sealed class GradientBoostingTrainer(GradientBoostingOptions options, ClassWeighting classWeighting = ClassWeighting.None) : ITrainer
{
    public GradientBoostingOptions Options { get; } = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
    public ClassWeighting ClassWeighting { get; } = classWeighting;

    public IClassifier Fit(TrainingSet data, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        var classes = ClassCompaction.Of(data, ClassWeighting);
        int k = classes.Count;
        var labels = classes.Labels;
        var weights = classes.Weights;
        for (int i = 0; i < data.Count; i++)
        {
            var values = data.Features[i].Values;
            for (int j = 0; j < values.Length; j++)
                if (!float.IsFinite(values[j]))
                    throw new TrainingException($"Row {i}: feature {data.Features[i].Indices[j]} has the value {values[j]}; trees need finite values.");
        }
        cancellation.ThrowIfCancellationRequested();

        var (trainRows, heldOut) = HoldOut(data, labels, weights);
        var trainVectors = trainRows.Select(i => data.Features[i]).ToArray();
        var bins = BinnedFeatures.Build(trainVectors, data.FeatureCount, Options.MaxBins, Options.MinExamplesPerLeaf);
        int n = trainRows.Length;

        var baseScores = BaseScores(trainRows, labels, weights, k);
        var margins = new double[n * k];
        for (int i = 0; i < n; i++) baseScores.CopyTo(margins, i * k);
        var heldOutMargins = new double[heldOut.Length * k];
        for (int i = 0; i < heldOut.Length; i++) baseScores.CopyTo(heldOutMargins, i * k);

        var gradients = new double[k][];
        var hessians = new double[k][];
        for (int c = 0; c < k; c++) { gradients[c] = new double[n]; hessians[c] = new double[n]; }
        var growers = new TreeGrower[Math.Min(k, Options.MaxParallelism)];
        for (int t = 0; t < growers.Length; t++) growers[t] = new TreeGrower(bins, Options);
        var trees = Enumerable.Range(0, k).Select(_ => new List<RegressionTree>()).ToArray();

        int bestRound = -1;
        double bestLoss = double.PositiveInfinity;
        string stop = $"all {Options.Rounds} rounds";
        int round = 0;
        double lastObjective = double.NaN, lastGradientNorm = 0;
        var probabilities = new double[k];
        for (; round < Options.Rounds; round++)
        {
            cancellation.ThrowIfCancellationRequested();
            double loss = 0, gradientSquares = 0, weightSum = 0;
            for (int i = 0; i < n; i++)
            {
                int row = trainRows[i];
                double w = weights[row];
                SoftmaxMath.Softmax(margins.AsSpan(i * k, k), probabilities);
                loss -= w * Math.Log(Math.Max(probabilities[labels[row]], 1e-300));
                weightSum += w;
                for (int c = 0; c < k; c++)
                {
                    double p = probabilities[c];
                    double g = w * (p - (labels[row] == c ? 1.0 : 0.0));
                    gradients[c][i] = g;
                    hessians[c][i] = Math.Max(w * p * (1 - p), 1e-16 * w);
                    gradientSquares += g * g;
                }
            }

            var sample = Sample(n, round);
            var grown = new (RegressionTree Tree, int[] LeafOfRow)[k];
            // Growers are handed out by class index modulo their count, so which grower (and which
            // buffers) serves a class never depends on thread timing.
            Parallel.For(0, growers.Length, new ParallelOptions { MaxDegreeOfParallelism = growers.Length, CancellationToken = cancellation }, t =>
            {
                for (int c = t; c < k; c += growers.Length)
                    grown[c] = growers[t].Grow(gradients[c], hessians[c], sample, FeatureSample(bins.SlotCount, round, c));
            });

            for (int c = 0; c < k; c++)
            {
                var (tree, leafOf) = grown[c];
                trees[c].Add(tree);
                for (int i = 0; i < n; i++)
                    margins[i * k + c] += leafOf[i] >= 0 ? tree.Value[leafOf[i]] : Evaluate(tree, trainVectors[i]);
                for (int i = 0; i < heldOut.Length; i++)
                    heldOutMargins[i * k + c] += Evaluate(tree, data.Features[heldOut[i]]);
            }

            double objective = loss / weightSum;
            double gradientNorm = Math.Sqrt(gradientSquares);
            lastObjective = objective;
            lastGradientNorm = gradientNorm;
            if (heldOut.Length > 0)
            {
                double heldOutLoss = HeldOutLoss(heldOut, heldOutMargins, labels, weights, k);
                if (heldOutLoss < bestLoss) { bestLoss = heldOutLoss; bestRound = round; }
                progress?.Report(new TrainingProgress(round + 1, Options.Rounds, objective, gradientNorm));
                if (round - bestRound >= Options.EarlyStoppingRounds)
                {
                    stop = $"early stopping: held-out log-loss {bestLoss:0.0000} at round {bestRound + 1}, no better in {Options.EarlyStoppingRounds} more";
                    round++;
                    break;
                }
            }
            else
            {
                progress?.Report(new TrainingProgress(round + 1, Options.Rounds, objective, gradientNorm));
            }
        }
        int keep = heldOut.Length > 0 ? bestRound + 1 : round;
        if (heldOut.Length > 0 && stop.StartsWith("all", StringComparison.Ordinal))
            stop = $"all {Options.Rounds} rounds; best held-out log-loss {bestLoss:0.0000} at round {keep}";
        progress?.Report(new TrainingProgress(keep, Options.Rounds, lastObjective, lastGradientNorm, Finished: true, Converged: true, Stop: stop));

        return new TreeEnsembleClassifier(
            classes.ClassNames(data),
            data.FeatureCount,
            baseScores,
            trees.Select(t => (IReadOnlyList<RegressionTree>)t.Take(keep).ToArray()).ToArray());
    }

    /// <summary>The log of each class's weighted share of the training rows: the best constant model.</summary>
    private static double[] BaseScores(int[] trainRows, int[] labels, double[] weights, int k)
    {
        var mass = new double[k];
        double total = 0;
        foreach (int row in trainRows) { mass[labels[row]] += weights[row]; total += weights[row]; }
        // A class whose training rows all weigh zero (or were all held out) gets a small floor instead of log 0.
        var scores = new double[k];
        for (int c = 0; c < k; c++) scores[c] = Math.Log(Math.Max(mass[c], 1e-3 * total / k) / total);
        return scores;
    }

    internal (int[] Train, int[] HeldOut) HoldOut(TrainingSet data, int[] labels, double[] weights)
    {
        var all = Enumerable.Range(0, data.Count).ToArray();
        if (Options.EarlyStoppingRounds == 0 || Options.ValidationFraction == 0) return (all, []);
        var random = new Random(Options.Seed);
        var held = new bool[data.Count];
        if (data.Groups is { } groups)
        {
            var sizes = new Dictionary<int, int>();
            foreach (var g in groups) sizes[g] = sizes.GetValueOrDefault(g) + 1;
            var distinct = sizes.Keys.Order().ToArray();
            random.Shuffle(distinct);
            int target = (int)Math.Round(Options.ValidationFraction * data.Count);
            var chosen = new HashSet<int>();
            int taken = 0;
            foreach (var g in distinct)
            {
                if (taken >= target) break;
                // One large article must not swallow most of the training data.
                if (taken + sizes[g] > 2 * target) continue;
                chosen.Add(g);
                taken += sizes[g];
            }
            for (int i = 0; i < data.Count; i++) held[i] = chosen.Contains(groups[i]);
        }
        else
        {
            foreach (var byClass in all.GroupBy(i => labels[i]).OrderBy(g => g.Key))
            {
                var rows = byClass.ToArray();
                random.Shuffle(rows);
                int take = (int)Math.Round(Options.ValidationFraction * rows.Length);
                foreach (var i in rows.Take(take)) held[i] = true;
            }
        }
        var train = all.Where(i => !held[i]).ToArray();
        var heldOut = all.Where(i => held[i]).ToArray();
        // Too little on either side to learn or to judge, or a class left with no training row:
        // train on everything for every round instead.
        int classes = labels.Distinct().Count();
        if (heldOut.Length == 0 || train.Length < 2 * Options.MinExamplesPerLeaf
            || train.Select(i => labels[i]).Distinct().Count() < classes
            || heldOut.Sum(i => weights[i]) <= 0 || train.Sum(i => weights[i]) <= 0)
            return (all, []);
        return (train, heldOut);
    }

    private static double HeldOutLoss(int[] heldOut, double[] margins, int[] labels, double[] weights, int k)
    {
        double loss = 0, weightSum = 0;
        for (int i = 0; i < heldOut.Length; i++)
        {
            int row = heldOut[i];
            double w = weights[row];
            var m = margins.AsSpan(i * k, k);
            loss += w * (SoftmaxMath.LogSumExp(m) - m[labels[row]]);
            weightSum += w;
        }
        return loss / weightSum;
    }

    /// <summary>The local rows this round's trees learn from, ascending.</summary>
    private int[] Sample(int n, int round)
    {
        if (Options.RowSubsample >= 1) return Enumerable.Range(0, n).ToArray();
        int size = Math.Max(1, (int)Math.Round(Options.RowSubsample * n));
        var rows = Enumerable.Range(0, n).ToArray();
        var random = new Random(Mix(Options.Seed, round, -1));
        for (int i = 0; i < size; i++)
        {
            int j = i + random.Next(n - i);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }
        var chosen = rows[..size];
        Array.Sort(chosen);
        return chosen;
    }

    private bool[]? FeatureSample(int slots, int round, int classIndex)
    {
        if (Options.FeatureSubsample >= 1) return null;
        int size = Math.Max(1, (int)Math.Round(Options.FeatureSubsample * slots));
        var order = Enumerable.Range(0, slots).ToArray();
        var random = new Random(Mix(Options.Seed, round, classIndex));
        var allowed = new bool[slots];
        for (int i = 0; i < size && i < slots; i++)
        {
            int j = i + random.Next(slots - i);
            (order[i], order[j]) = (order[j], order[i]);
            allowed[order[i]] = true;
        }
        return allowed;
    }

    // System.HashCode is randomized per process, so seeds are mixed by hand.
    private static int Mix(int seed, int round, int classIndex) =>
        unchecked((int)((uint)seed * 2654435761u ^ (uint)(round + 1) * 40503u ^ (uint)(classIndex + 2) * 2246822519u));

    /// <summary>A tree's output for a sparse row, looking each split's feature up by binary search.</summary>
    internal static double Evaluate(RegressionTree tree, SparseVector row)
    {
        var indices = row.Indices;
        var values = row.Values;
        int node = 0;
        while (!tree.IsLeaf(node))
        {
            int at = indices.BinarySearch(tree.Feature[node]);
            float value = at >= 0 ? values[at] : 0f;
            node = value <= tree.Threshold[node] ? tree.Left[node] : tree.Right[node];
        }
        return tree.Value[node];
    }
}
