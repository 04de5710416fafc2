namespace StanceLab.Learning.Linear;

/// <summary>
/// Multinomial logistic regression with L2 regularization, fitted by ML.NET. The objective is
/// scikit-learn's: C · Σ_i w_i · (−log p(y_i | x_i)) + ½‖W‖², so a larger <see cref="C"/> means
/// weaker regularization. L1 is always 0: ML.NET's automatic L1 cost 2-6 accuracy points on text.
/// </summary>
public sealed record LogisticRegressionOptions
{
    /// <summary>Inverse regularization strength (scikit-learn's C).</summary>
    public double C { get; init; } = 10.0;

    public ClassWeighting ClassWeighting { get; init; } = ClassWeighting.None;

    /// <summary>Which ML.NET trainer; see <see cref="LinearSolver"/>.</summary>
    public LinearSolver Solver { get; init; } = LinearSolver.Lbfgs;

    /// <summary>Most L-BFGS iterations, or most SDCA passes over the data.</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>
    /// The optimizer's convergence tolerance: ML.NET's <c>OptimizationTolerance</c> for L-BFGS
    /// (relative improvement of the objective), <c>ConvergenceTolerance</c> for SDCA (relative
    /// duality gap). ML.NET's defaults (1e-7 and 0.1) are looser than a text model needs.
    /// </summary>
    public double Tolerance { get; init; } = 1e-7;

    /// <summary>
    /// The fit counts as converged when the largest gradient component of scikit-learn's objective
    /// at ML.NET's model, divided by C·S, is at most this (<see cref="OptimalityGap"/>); otherwise
    /// training warns that the model may be off its optimum.
    /// </summary>
    public double GradientTolerance { get; init; } = 1e-3;

    /// <summary>
    /// L-BFGS only: how many parts ML.NET splits each gradient over. ML.NET's default follows the
    /// machine's cores, and the parts' sums then round differently on a machine with other cores;
    /// a fixed count gives the same model bytes everywhere (two cores or one alike).
    /// </summary>
    public int Threads { get; init; } = 2;

    /// <summary>L-BFGS memory: how many curvature pairs are kept.</summary>
    public int History { get; init; } = 20;

    /// <summary>Seeds ML.NET's context (SDCA's row order).</summary>
    public int Seed { get; init; } = 1;

    public LogisticRegressionOptions Validate()
    {
        if (!(C > 0) || !double.IsFinite(C)) throw new InvalidOptionException(nameof(LogisticRegressionOptions), nameof(C), C, "must be a positive number");
        if (MaxIterations < 1) throw new InvalidOptionException(nameof(LogisticRegressionOptions), nameof(MaxIterations), MaxIterations, "must be at least 1");
        if (!(Tolerance > 0) || !double.IsFinite(Tolerance)) throw new InvalidOptionException(nameof(LogisticRegressionOptions), nameof(Tolerance), Tolerance, "must be a positive number");
        if (!(GradientTolerance > 0)) throw new InvalidOptionException(nameof(LogisticRegressionOptions), nameof(GradientTolerance), GradientTolerance, "must be positive");
        if (Threads < 1) throw new InvalidOptionException(nameof(LogisticRegressionOptions), nameof(Threads), Threads, "must be at least 1");
        if (History < 1) throw new InvalidOptionException(nameof(LogisticRegressionOptions), nameof(History), History, "must be at least 1");
        if (!Enum.IsDefined(Solver)) throw new InvalidOptionException(nameof(LogisticRegressionOptions), nameof(Solver), Solver, "unknown");
        if (!Enum.IsDefined(ClassWeighting)) throw new InvalidOptionException(nameof(LogisticRegressionOptions), nameof(ClassWeighting), ClassWeighting, "unknown");
        return this;
    }
}
