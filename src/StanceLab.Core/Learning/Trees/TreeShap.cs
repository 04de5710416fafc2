namespace StanceLab.Learning.Trees;

/// <summary>
/// Exact Shapley values of one tree's output for one row, by the polynomial-time algorithm of
/// Lundberg, Erion &amp; Lee (2018), "Consistent individualized feature attribution for tree
/// ensembles", Algorithm 2. The value of a feature set S is the tree's expected output when the
/// features in S take the row's values and every other split is averaged by the training cover
/// ("path-dependent" TreeSHAP). The attributions then add up exactly: Σφ = f(x) − E[f], where E[f]
/// is <see cref="RegressionTree.ExpectedValue"/>. Cost: O(leaves · depth²) per tree.
/// </summary>
public static class TreeShap
{
    /// <summary>Adds the tree's attributions for the row in <paramref name="dense"/> to <paramref name="phi"/>, keyed by feature.</summary>
    public static void Accumulate(RegressionTree tree, ReadOnlySpan<float> dense, IDictionary<int, double> phi) =>
        new Workspace(tree.MaxDepth).Accumulate(tree, dense, phi);

    /// <summary>A path buffer for trees up to a depth, reused across trees so explaining an ensemble allocates once.</summary>
    public sealed class Workspace(int maxDepth)
    {
        private readonly PathElement[] _path = new PathElement[BufferLength(maxDepth)];

        // Each recursion level keeps its own copy of the path, laid out one after another.
        private static int BufferLength(int maxDepth)
        {
            int d = maxDepth + 2;
            return d * (d + 1) / 2 + d;
        }

        public void Accumulate(RegressionTree tree, ReadOnlySpan<float> dense, IDictionary<int, double> phi)
        {
            ArgumentNullException.ThrowIfNull(tree);
            ArgumentNullException.ThrowIfNull(phi);
            if (BufferLength(tree.MaxDepth) > _path.Length)
                throw new ArgumentException($"The tree is {tree.MaxDepth} deep; this workspace holds paths up to {maxDepth}.", nameof(tree));
            if (tree.IsLeaf(0)) return;
            new Walker(tree, phi).Recurse(dense, 0, _path, 0, 0, 1.0, 1.0, -1);
        }
    }

    /// <summary>One feature on the current path: the share of "zero" (feature unknown) and "one" (feature known) paths that reach here, and the permutation weight.</summary>
    private struct PathElement
    {
        public int Feature;
        public double ZeroFraction;
        public double OneFraction;
        public double Weight;
    }

    private readonly struct Walker(RegressionTree tree, IDictionary<int, double> phi)
    {
        public void Recurse(ReadOnlySpan<float> dense, int node, PathElement[] buffer, int start, int length,
            double zeroFraction, double oneFraction, int feature)
        {
            // The path of this level starts where the parent's ends; copy it, then extend it.
            int own = start + length;
            Array.Copy(buffer, start, buffer, own, length);
            var path = buffer.AsSpan(own, length + 1);
            Extend(path, length, zeroFraction, oneFraction, feature);
            int unique = length; // index of the last element, as in the paper's "unique depth"

            if (tree.IsLeaf(node))
            {
                double value = tree.Value[node];
                for (int i = 1; i <= unique; i++)
                {
                    double w = UnwoundSum(path, unique, i);
                    ref var e = ref path[i];
                    phi[e.Feature] = phi.TryGetValue(e.Feature, out var sum) ? sum + w * (e.OneFraction - e.ZeroFraction) * value : w * (e.OneFraction - e.ZeroFraction) * value;
                }
                return;
            }

            int split = tree.Feature[node];
            bool goesLeft = dense[split] <= tree.Threshold[node];
            int hot = goesLeft ? tree.Left[node] : tree.Right[node];
            int cold = goesLeft ? tree.Right[node] : tree.Left[node];
            double cover = tree.Cover[node];
            double hotShare = cover > 0 ? tree.Cover[hot] / cover : 0.5;
            double coldShare = cover > 0 ? tree.Cover[cold] / cover : 0.5;

            double incomingZero = 1.0, incomingOne = 1.0;
            // A feature split on twice along a path counts once: undo its earlier extension and redo it here.
            int previous = -1;
            for (int i = 1; i <= unique; i++)
                if (path[i].Feature == split) { previous = i; break; }
            if (previous > 0)
            {
                incomingZero = path[previous].ZeroFraction;
                incomingOne = path[previous].OneFraction;
                Unwind(path, unique, previous);
                unique--;
            }

            // A branch that neither known nor unknown paths reach adds nothing (and would divide by zero).
            if (hotShare * incomingZero != 0 || incomingOne != 0)
                Recurse(dense, hot, buffer, own, unique + 1, hotShare * incomingZero, incomingOne, split);
            if (coldShare * incomingZero != 0)
                Recurse(dense, cold, buffer, own, unique + 1, coldShare * incomingZero, 0.0, split);
        }
    }

    /// <summary>Appends a feature to the path and updates the weights of every subset size.</summary>
    private static void Extend(Span<PathElement> path, int unique, double zeroFraction, double oneFraction, int feature)
    {
        path[unique] = new PathElement
        {
            Feature = feature,
            ZeroFraction = zeroFraction,
            OneFraction = oneFraction,
            Weight = unique == 0 ? 1.0 : 0.0,
        };
        double denominator = unique + 1;
        for (int i = unique - 1; i >= 0; i--)
        {
            path[i + 1].Weight += oneFraction * path[i].Weight * (i + 1) / denominator;
            path[i].Weight = zeroFraction * path[i].Weight * (unique - i) / denominator;
        }
    }

    /// <summary>Removes element <paramref name="index"/> from the path, the inverse of <see cref="Extend"/>.</summary>
    private static void Unwind(Span<PathElement> path, int unique, int index)
    {
        double one = path[index].OneFraction;
        double zero = path[index].ZeroFraction;
        double next = path[unique].Weight;
        double denominator = unique + 1;
        for (int i = unique - 1; i >= 0; i--)
        {
            if (one != 0)
            {
                double kept = path[i].Weight;
                path[i].Weight = next * denominator / ((i + 1) * one);
                next = kept - path[i].Weight * zero * (unique - i) / denominator;
            }
            else
            {
                path[i].Weight = path[i].Weight * denominator / (zero * (unique - i));
            }
        }
        for (int i = index; i < unique; i++)
        {
            path[i].Feature = path[i + 1].Feature;
            path[i].ZeroFraction = path[i + 1].ZeroFraction;
            path[i].OneFraction = path[i + 1].OneFraction;
        }
    }

    /// <summary>The total permutation weight the path would have without element <paramref name="index"/>, computed without changing it.</summary>
    private static double UnwoundSum(Span<PathElement> path, int unique, int index)
    {
        double one = path[index].OneFraction;
        double zero = path[index].ZeroFraction;
        double next = path[unique].Weight;
        double denominator = unique + 1;
        double total = 0;
        for (int i = unique - 1; i >= 0; i--)
        {
            if (one != 0)
            {
                double w = next * denominator / ((i + 1) * one);
                total += w;
                next = path[i].Weight - w * zero * (unique - i) / denominator;
            }
            else
            {
                total += path[i].Weight / zero / ((unique - i) / denominator);
            }
        }
        return total;
    }
}
