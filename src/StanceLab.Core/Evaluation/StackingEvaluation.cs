using StanceLab.Data;
using StanceLab.Modeling;

namespace StanceLab.Evaluation;

/// <summary>
/// Does a stacked head beat the linear one? Two grouped cross-validations on the same folds: every
/// head linear, then every head stacked (boosted trees over all linear heads' probabilities plus
/// sentence meta-features). No leak: inside each outer fold the stacked heads learn from
/// out-of-fold probabilities of an inner grouped cross-validation of the training part only, and
/// the test part gets the probabilities of linear models trained on the whole training part,
/// exactly as a shipped stacked model (<see cref="TrainerKind.Stacked"/>) is built and scored.
/// </summary>
public static class StackingEvaluation
{
    public static StackingResult Run(
        IReadOnlyList<LabelledSentence> rows,
        TrainingOptions options,
        int folds,
        IProgress<PipelineProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), folds, "Stacking needs at least 2 outer folds.");
        var linear = ModelTrainer.LinearOnly(options);
        var stacked = linear with { DefaultTrainer = TrainerKind.Stacked };
        var linearResult = CrossValidator.Run(rows, linear, folds, Half(progress, "linear heads", 0.0, 0.2), cancellation);
        var stackedResult = CrossValidator.Run(rows, stacked, folds, Half(progress, "stacked heads", 0.2, 1.0), cancellation);
        progress?.Report(new PipelineProgress("all folds done", 1.0));
        var heads = linearResult.Reports.Zip(stackedResult.Reports, (l, s) => new StackingHeadResult(l.Label, l, s)).ToArray();
        return new StackingResult(folds, ModelTrainer.StackingFolds, options.Seed, heads);
    }

    private static IProgress<PipelineProgress>? Half(IProgress<PipelineProgress>? progress, string what, double from, double to) =>
        progress is null ? null : new SynchronousProgress<PipelineProgress>(p => progress.Report(new PipelineProgress($"{what}: {p.Stage}", from + (to - from) * p.Fraction)));
}
