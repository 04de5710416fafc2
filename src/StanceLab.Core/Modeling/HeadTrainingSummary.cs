namespace StanceLab.Modeling;

/// <summary>
/// How a head's optimizer ended: iterations (SDCA passes, L-BFGS iterations or boosting rounds), the
/// final convergence measure (duality gap per row for SDCA, gradient norm otherwise; the field keeps
/// its name so model files stay readable), whether it converged and why it stopped.
/// </summary>
public sealed record HeadTrainingSummary(string Column, int Iterations, double GradientNorm, bool Converged, string Stop);
