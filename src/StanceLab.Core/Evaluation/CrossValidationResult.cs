namespace StanceLab.Evaluation;

/// <summary>The outcome of grouped k-fold cross-validation: one report per head over all out-of-fold predictions.</summary>
public sealed record CrossValidationResult(int Folds, int Seed, IReadOnlyList<int> FoldOfRow, IReadOnlyList<ClassificationReport> Reports)
{
    /// <summary>Share of each training part's sources that was trained on (1 for plain cross-validation).</summary>
    public double TrainingFraction { get; init; } = 1.0;

    public IReadOnlyList<int> TrainingRowsPerFold { get; init; } = [];

    /// <summary>Per head (in <see cref="Reports"/> order), every row's true class id.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Truth { get; init; } = [];

    /// <summary>Per head, every row's out-of-fold class probabilities (classes in the report's order): what calibration is fitted on.</summary>
    public IReadOnlyList<IReadOnlyList<double[]>> OutOfFold { get; init; } = [];
    public IReadOnlyList<int> TrainingSourcesPerFold { get; init; } = [];
}
