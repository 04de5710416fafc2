namespace StanceLab.Learning.Linear;

/// <summary>Which ML.NET trainer fits <see cref="LogisticRegressionTrainer"/>'s model.</summary>
public enum LinearSolver
{
    /// <summary>
    /// ML.NET's <c>LbfgsMaximumEntropy</c>: scikit-learn's objective C·Σ w·log-loss + ½‖W‖² with
    /// an unpenalized intercept (ML.NET's L2 weight is 1/C). Deterministic on any number of threads.
    /// </summary>
    Lbfgs,

    /// <summary>
    /// ML.NET's <c>SdcaMaximumEntropy</c> (dual coordinate ascent), L1 0 and L2 1/(C·S) with S the
    /// row-weight sum, on one thread: with more, ML.NET's SDCA gives a different model each run.
    /// </summary>
    Sdca,
}
