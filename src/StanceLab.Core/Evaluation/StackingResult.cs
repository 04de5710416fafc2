namespace StanceLab.Evaluation;

/// <summary>One head: the linear model and the stacked one, each over the same pooled out-of-fold predictions.</summary>
public sealed record StackingHeadResult(string Column, ClassificationReport Linear, ClassificationReport Stacked)
{
    /// <summary>Whether stacking wins on macro-F1, the measure every tuning choice here uses.</summary>
    public bool StackedWins => Stacked.MacroF1 > Linear.MacroF1;
}

/// <summary>The stacking experiment's outcome for every head.</summary>
public sealed record StackingResult(int Folds, int InnerFolds, int Seed, IReadOnlyList<StackingHeadResult> Heads);
