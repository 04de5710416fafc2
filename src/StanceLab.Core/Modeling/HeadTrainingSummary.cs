namespace StanceLab.Modeling;

/// <summary>
/// How a head's optimizer ended: iterations (boosting rounds for trees; 1 for an ML.NET linear fit,
/// which reports none), the final convergence measure where the trainer reports one (null
/// otherwise; the field keeps its name so model files stay readable), whether it converged and why
/// it stopped.
/// </summary>
public sealed record HeadTrainingSummary(string Column, int Iterations, double? GradientNorm, bool Converged, string Stop);
