namespace StanceLab.Learning;

/// <summary>
/// How far an iterative trainer has come: iteration (an SDCA pass, an L-BFGS iteration, a boosting
/// round), objective value and <see cref="GradientNorm"/>, the convergence measure: the largest
/// gradient component for L-BFGS and trees, the duality gap per unit of row weight for SDCA. The last
/// report of a fit has <see cref="Finished"/> set and says whether the optimizer converged and why
/// it stopped, so a caller can warn about a model that did not reach its optimum.
/// </summary>
public readonly record struct TrainingProgress(
    int Iteration,
    int MaxIterations,
    double Objective,
    double GradientNorm,
    bool Finished = false,
    bool Converged = false,
    string Stop = "");
