namespace StanceLab.Learning.Linear;

/// <summary>How <see cref="LogisticRegressionTrainer"/> reaches the optimum.</summary>
public enum LinearSolver
{
    /// <summary>
    /// Full-batch L-BFGS on scikit-learn's objective with an unpenalized intercept. Every pass is
    /// parallel; the number of passes grows with the data and with weak regularization.
    /// </summary>
    Lbfgs,

    /// <summary>
    /// Stochastic dual coordinate ascent (Shalev-Shwartz &amp; Zhang 2013): one exact step per row
    /// per pass, stopped by the duality gap. On rows of unit length (the featurizer's) it needs a
    /// few dozen passes whatever the data size; the passes grow with C·‖x‖², so on unnormalized
    /// features with large values L-BFGS can be far faster. The
    /// intercept is a penalized constant feature (see <see cref="LogisticRegressionOptions.InterceptScaling"/>),
    /// as in LIBLINEAR.
    /// </summary>
    Sdca,
}
