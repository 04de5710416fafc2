using StanceLab.Numerics;

namespace StanceLab.Tests.Numerics;

/// <summary>
/// <see cref="ProximalSoftmax"/> returns argmax over the simplex of
/// f(q) = H(q) + z·q − (ρ/2)‖q − q₀‖². Every expectation here comes from that definition, computed
/// independently: softmax at ρ = 0, the first-order conditions, the objective compared with other
/// simplex points, and brute-force maximizers for two and three classes that share nothing with
/// the solver (bisection on the derivative of f along the simplex, no Lagrange multiplier, no Newton).
/// </summary>
public class ProximalSoftmaxTests
{
    /// <summary>
    /// Seeds of the random problems: k from 2 to 6, z up to ±50, q₀ random on the simplex or at a
    /// vertex (where SDCA starts each row), ρ from 1e-3 to 50 (SDCA's ρ = C·w·(‖x‖² + s²) is 20 for
    /// a unit row at the default options).
    /// </summary>
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 12)];

    [Fact]
    public void At_rho_zero_the_step_is_the_softmax_of_z()
    {
        double[] z = [2.0, -1.0, 0.5, 30.0, -40.0];
        double[] q0 = [0.1, 0.2, 0.3, 0.2, 0.2];
        var (q, logQ, steps) = Solve(z, q0, 0.0);

        double max = z.Max();
        double sum = z.Sum(v => Math.Exp(v - max));
        for (int c = 0; c < z.Length; c++)
        {
            double expected = Math.Exp(z[c] - max) / sum;
            Assert.Equal(expected, q[c], 1e-15 + 1e-13 * expected);
            Assert.Equal(z[c] - max - Math.Log(sum), logQ[c], 1e-12);
        }
        Assert.Equal(0, steps);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_result_lies_on_the_simplex_and_log_q_is_its_logarithm(int seed)
    {
        foreach (var (z, q0, rho) in RandomProblems(seed))
        {
            var (q, logQ, _) = Solve(z, q0, rho);

            Assert.All(q, qc => Assert.True(qc >= 0, $"q has a negative entry {qc:R}."));
            Assert.Equal(1.0, q.Sum(), 1e-12);
            for (int c = 0; c < q.Length; c++)
                // Measured: at most 9e-14 relative (log q is kept from before the final renormalization).
                Assert.True(Math.Abs(Math.Exp(logQ[c]) - q[c]) <= 1e-12 * q[c],
                    $"ρ = {rho:R}, class {c}: exp(logQ) = {Math.Exp(logQ[c]):R} but q = {q[c]:R}.");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Stationarity_holds_log_q_plus_rho_q_minus_z_minus_rho_q0_is_the_same_for_every_class(int seed)
    {
        foreach (var (z, q0, rho) in RandomProblems(seed))
        {
            var (q, _, _) = Solve(z, q0, rho);

            // The gradient of f is −log q − 1 + z − ρ(q − q₀); on the simplex's interior it must be
            // parallel to (1, …, 1), i.e. this quantity must not depend on the class.
            // Measured: at most 6e-14 over these problems.
            var multiplier = Enumerable.Range(0, q.Length).Select(c => Math.Log(q[c]) + rho * q[c] - z[c] - rho * q0[c]).ToArray();
            Assert.True(multiplier.Max() - multiplier.Min() <= 1e-11,
                $"ρ = {rho:R}, z = [{string.Join(", ", z)}]: log q + ρq − z − ρq₀ = [{string.Join(", ", multiplier)}].");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void No_random_simplex_point_and_no_nearby_simplex_point_has_a_higher_objective(int seed)
    {
        var random = new Random(1000 + seed);
        foreach (var (z, q0, rho) in RandomProblems(seed))
        {
            var (q, _, _) = Solve(z, q0, rho);
            double best = Objective(q, z, q0, rho);
            // Rounding in f itself: its terms are at most |z|, ρ and log k in size.
            double slack = 1e-13 * (1 + Math.Abs(best) + z.Max(Math.Abs) + rho);

            var candidates = new List<double[]> { q0 };
            for (int c = 0; c < q.Length; c++) candidates.Add(Vertex(q.Length, c));
            for (int t = 0; t < 200; t++) candidates.Add(RandomSimplexPoint(random, q.Length));
            // Moves of mass from class j to class i: half of q_j, down to a millionth of it.
            for (int i = 0; i < q.Length; i++)
            {
                for (int j = 0; j < q.Length; j++)
                {
                    if (i == j) continue;
                    foreach (var fraction in (double[])[0.5, 1e-2, 1e-4, 1e-6])
                    {
                        var moved = (double[])q.Clone();
                        double amount = fraction * q[j];
                        moved[i] += amount;
                        moved[j] -= amount;
                        candidates.Add(moved);
                    }
                }
            }

            foreach (var candidate in candidates)
            {
                double value = Objective(candidate, z, q0, rho);
                Assert.True(value <= best + slack,
                    $"ρ = {rho:R}: f = {value:R} at [{string.Join(", ", candidate)}] beats f = {best:R} at the returned [{string.Join(", ", q)}].");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Two_classes_agree_with_a_bisection_on_the_derivative_along_the_simplex(int seed)
    {
        var random = new Random(2000 + seed);
        for (int t = 0; t < 20; t++)
        {
            double[] z = [Uniform(random, -50, 50), Uniform(random, -50, 50)];
            double[] q0 = random.NextDouble() < 0.25 ? Vertex(2, random.Next(2)) : RandomSimplexPoint(random, 2);
            double rho = LogUniformRho(random);

            var (q, _, _) = Solve(z, q0, rho);
            double p = BestFirstShare(z[0], z[1], q0[0], q0[1], rho, 1.0);

            // Measured: at most 5e-15 apart.
            Assert.True(Math.Abs(q[0] - p) <= 1e-11, $"z = [{z[0]:R}, {z[1]:R}], q₀ = [{q0[0]:R}, {q0[1]:R}], ρ = {rho:R}: solver q₁ = {q[0]:R}, bisection {p:R}.");
            Assert.True(Math.Abs(q[1] - (1 - p)) <= 1e-11);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Three_classes_agree_with_a_nested_bisection_over_the_simplex(int seed)
    {
        var random = new Random(3000 + seed);
        for (int t = 0; t < 10; t++)
        {
            double[] z = [Uniform(random, -50, 50), Uniform(random, -50, 50), Uniform(random, -50, 50)];
            double[] q0 = random.NextDouble() < 0.25 ? Vertex(3, random.Next(3)) : RandomSimplexPoint(random, 3);
            double rho = LogUniformRho(random);

            var (q, _, _) = Solve(z, q0, rho);
            var expected = BruteForceThreeClasses(z, q0, rho);

            // Measured: at most 5e-15 apart.
            for (int c = 0; c < 3; c++)
                Assert.True(Math.Abs(q[c] - expected[c]) <= 1e-11,
                    $"z = [{string.Join(", ", z)}], q₀ = [{string.Join(", ", q0)}], ρ = {rho:R}: solver [{string.Join(", ", q)}], brute force [{string.Join(", ", expected)}].");
        }
    }

    [Theory]
    [InlineData(1e-3)]
    [InlineData(1.0)]
    [InlineData(50.0)]
    public void Huge_differences_in_z_give_finite_results_that_leave_nothing_to_classes_far_behind(double rho)
    {
        double[] z = [-1e6, 1e6, 0.0, 999_990.0];
        double[] q0 = [1.0, 0.0, 0.0, 0.0];
        var (q, logQ, _) = Solve(z, q0, rho);

        Assert.All(q, v => Assert.True(double.IsFinite(v) && v >= 0));
        Assert.All(logQ, v => Assert.False(double.IsNaN(v) || double.IsPositiveInfinity(v)));
        Assert.Equal(1.0, q.Sum(), 1e-12);
        // Classes 0 and 2 trail by 1e6 or more: their mass underflows. Classes 1 and 3 share the rest
        // (unevenly at small ρ, nearly evenly at large ρ), and still meet the stationarity condition,
        // whose terms are of size 1e6 here, so it holds only to about 1e6 machine epsilons.
        Assert.True(q[1] > q[3], $"q = [{string.Join(", ", q)}]");
        Assert.Equal(1.0, q[1] + q[3], 1e-12);
        double Multiplier(int c) => Math.Log(q[c]) + rho * q[c] - z[c] - rho * q0[c];
        Assert.Equal(Multiplier(1), Multiplier(3), 1e-8);
        Assert.Equal(0.0, q[0]);
        Assert.Equal(0.0, q[2]);
    }

    /// <summary>
    /// Rows with large ρ (strong C, heavy class weights, a large intercept scaling) once sent the
    /// unbracketed Newton iteration to NaN. Every case here must give a finite point on the simplex
    /// that satisfies the optimality conditions and is at least as good as staying at q₀.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Large_rho_gives_a_finite_stationary_step_at_least_as_good_as_staying(int seed)
    {
        var random = new Random(1000 + seed);
        var problems = new List<(double[] Z, double[] Q0, double Rho)>
        {
            ([0, 0], [1, 0], 1000),
            ([0, 0, 0], [0.2, 0.3, 0.5], 1000),
            ([1, 2, 3], [0.2, 0.3, 0.5], 1e6),
            ([0, 0, 0], [1, 0, 0], 1000),
        };
        for (int t = 0; t < 20; t++)
        {
            int k = 2 + random.Next(5);
            var z = Enumerable.Range(0, k).Select(_ => Uniform(random, -50, 50)).ToArray();
            var q0 = random.NextDouble() < 0.4 ? Vertex(k, random.Next(k)) : RandomSimplexPoint(random, k);
            problems.Add((z, q0, Math.Pow(10, Uniform(random, Math.Log10(50), 8))));
        }

        foreach (var (z, q0, rho) in problems)
        {
            var (q, _, steps) = Solve(z, q0, rho);
            string at = $"ρ = {rho:R}, z = [{string.Join(", ", z)}], q₀ = [{string.Join(", ", q0)}]: q = [{string.Join(", ", q)}]";
            Assert.True(q.All(v => double.IsFinite(v) && v >= 0), at);
            Assert.Equal(1.0, q.Sum(), 12);
            Assert.True(steps < 200, $"{at} took {steps} steps.");
            Assert.True(Objective(q, z, q0, rho) >= Objective(q0, z, q0, rho) - 1e-9 * (1 + rho), $"{at} is worse than q₀.");
            var positive = Enumerable.Range(0, q.Length).Where(c => q[c] > 1e-300).ToArray();
            var multiplier = positive.Select(c => Math.Log(q[c]) + rho * q[c] - z[c] - rho * q0[c]).ToArray();
            Assert.True(multiplier.Max() - multiplier.Min() <= 1e-12 * (1 + rho + 50), $"{at}: multipliers [{string.Join(", ", multiplier)}].");
        }
    }

    [Fact]
    public void One_class_gets_all_the_mass()
    {
        var (q, logQ, _) = Solve([7.0], [1.0], 2.5);

        Assert.Equal(1.0, q[0], 1e-15);
        Assert.Equal(0.0, logQ[0], 1e-13);
    }

    [Fact]
    public void Spans_of_different_lengths_are_rejected()
    {
        double[] z = [1.0, 2.0, 3.0];
        Assert.Throws<ArgumentException>(() => ProximalSoftmax.Solve(z, new double[2], 1.0, new double[3], new double[3]));
        Assert.Throws<ArgumentException>(() => ProximalSoftmax.Solve(z, new double[3], 1.0, new double[4], new double[3]));
        Assert.Throws<ArgumentException>(() => ProximalSoftmax.Solve(z, new double[3], 1.0, new double[3], new double[2]));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(-1e-300)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_negative_or_non_finite_rho_is_rejected(double rho)
    {
        double[] z = [1.0, 2.0];
        double[] q0 = [0.5, 0.5];
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ProximalSoftmax.Solve(z, q0, rho, new double[2], new double[2]));
        Assert.Equal("rho", error.ParamName);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Newton_stops_because_it_converged_not_because_it_ran_out_of_steps(int seed)
    {
        foreach (var (z, q0, rho) in RandomProblems(seed))
        {
            var (_, _, steps) = Solve(z, q0, rho);
            // The solver gives up after 100 steps, whatever the state of its iterate.
            Assert.InRange(steps, 0, 99);
        }
    }

    private static (double[] Q, double[] LogQ, int Steps) Solve(double[] z, double[] q0, double rho)
    {
        var q = new double[z.Length];
        var logQ = new double[z.Length];
        int steps = ProximalSoftmax.Solve(z, q0, rho, q, logQ);
        return (q, logQ, steps);
    }

    /// <summary>f(q) = −Σ q log q + z·q − (ρ/2)‖q − q₀‖², with 0·log 0 = 0.</summary>
    private static double Objective(double[] q, double[] z, double[] q0, double rho)
    {
        double value = 0;
        for (int c = 0; c < q.Length; c++)
        {
            if (q[c] > 0) value -= q[c] * Math.Log(q[c]);
            value += z[c] * q[c];
            double d = q[c] - q0[c];
            value -= 0.5 * rho * d * d;
        }
        return value;
    }

    /// <summary>∂f/∂q_c for one class: −log x − 1 + z_c − ρ(x − q₀_c), decreasing in x.</summary>
    private static double Slope(double x, double z, double q0, double rho) => -Math.Log(x) - 1 + z - rho * (x - q0);

    /// <summary>
    /// Of a total <paramref name="mass"/> split between two classes (the other classes held fixed),
    /// the share x of the first that maximizes f: the root of Slope(x, class 1) − Slope(mass − x, class 2),
    /// which falls from +∞ to −∞ on (0, mass), found by bisection down to adjacent doubles.
    /// </summary>
    private static double BestFirstShare(double z1, double z2, double q01, double q02, double rho, double mass)
    {
        double lo = 0, hi = mass;
        for (int i = 0; i < 2000; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            if (Slope(mid, z1, q01, rho) - Slope(mass - mid, z2, q02, rho) > 0) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /// <summary>
    /// Three classes, q = (x, 1 − s − x, s): for each s the best x is a two-class problem
    /// (<see cref="BestFirstShare"/>), and the best value h(s) over x is concave in s with
    /// h′(s) = Slope(s, class 3) − Slope(x, class 1) at that x (the envelope theorem), so the
    /// best s is again found by bisection.
    /// </summary>
    private static double[] BruteForceThreeClasses(double[] z, double[] q0, double rho)
    {
        double lo = 0, hi = 1;
        for (int i = 0; i < 2000; i++)
        {
            double s = 0.5 * (lo + hi);
            if (s <= lo || s >= hi) break;
            double rest = 1 - s;
            double x = BestFirstShare(z[0], z[1], q0[0], q0[1], rho, rest);
            // The two inner slopes are equal at x; take the one of the larger share, since the
            // smaller, rest − x or x, can be lost to cancellation.
            double inner = x >= rest - x ? Slope(x, z[0], q0[0], rho) : Slope(rest - x, z[1], q0[1], rho);
            if (Slope(s, z[2], q0[2], rho) - inner > 0) lo = s;
            else hi = s;
        }
        double best = 0.5 * (lo + hi);
        double first = BestFirstShare(z[0], z[1], q0[0], q0[1], rho, 1 - best);
        return [first, 1 - best - first, best];
    }

    private static readonly double[] Scales = [1.0, 5.0, 50.0];

    /// <summary>Ten seeded problems: k from 2 to 6, z up to ±50, ρ log-uniform in [1e-3, 50], q₀ random or a vertex.</summary>
    private static IEnumerable<(double[] Z, double[] Q0, double Rho)> RandomProblems(int seed)
    {
        var random = new Random(seed);
        for (int t = 0; t < 10; t++)
        {
            int k = 2 + random.Next(5);
            double scale = Scales[random.Next(Scales.Length)];
            var z = Enumerable.Range(0, k).Select(_ => Uniform(random, -scale, scale)).ToArray();
            var q0 = random.NextDouble() < 0.3 ? Vertex(k, random.Next(k)) : RandomSimplexPoint(random, k);
            yield return (z, q0, LogUniformRho(random));
        }
    }

    private static double LogUniformRho(Random random) => Math.Pow(10, Uniform(random, -3, Math.Log10(50)));

    private static double Uniform(Random random, double lo, double hi) => lo + (hi - lo) * random.NextDouble();

    private static double[] Vertex(int k, int c)
    {
        var v = new double[k];
        v[c] = 1;
        return v;
    }

    /// <summary>Uniform on the simplex (a flat Dirichlet: normalized exponential draws).</summary>
    private static double[] RandomSimplexPoint(Random random, int k)
    {
        var e = Enumerable.Range(0, k).Select(_ => -Math.Log(1 - random.NextDouble())).ToArray();
        double sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }
}
