using StanceLab.Data;
using StanceLab.Modeling;

namespace StanceLab.Evaluation;

/// <summary>One set of options to try, and a short description of what differs ("C=10, words 1-2, chars 3-5").</summary>
public sealed record TuningCandidate(TrainingOptions Options, string Description);

/// <summary>A candidate's grouped cross-validation: one report per head; scored by the mean macro-F1 of the heads.</summary>
public sealed record TuningResult(TuningCandidate Candidate, IReadOnlyList<ClassificationReport> Reports)
{
    public double Score => Reports.Average(r => r.MacroF1);
}

/// <summary>
/// Chooses options by grouped cross-validation inside the given (training) data only: every
/// candidate runs on the same folds, and the best mean macro-F1 over the heads wins (ties: the
/// earlier candidate, so the grid's order, simplest first, breaks them).
/// </summary>
public static class OptionsTuner
{
    /// <summary>
    /// Every combination, simplest first: character n-grams, then word n-grams, then NB weighting
    /// (off before on; <paramref name="nbWeighting"/> defaults to the base options' setting), then C.
    /// </summary>
    public static IReadOnlyList<TuningCandidate> Grid(
        TrainingOptions baseOptions,
        IReadOnlyList<double> cs,
        IReadOnlyList<int> wordNgrams,
        IReadOnlyList<(int Min, int Max)> charNgrams,
        IReadOnlyList<bool>? nbWeighting = null)
    {
        var grid = new List<TuningCandidate>();
        foreach (var (min, max) in charNgrams)
        foreach (var n in wordNgrams)
        foreach (var nb in nbWeighting ?? [baseOptions.NaiveBayesWeighting])
        foreach (var c in cs)
        {
            var options = baseOptions with
            {
                Featurizer = baseOptions.Featurizer with { MaxWordNgram = n, MinCharNgram = max == 0 ? baseOptions.Featurizer.MinCharNgram : min, MaxCharNgram = max },
                Linear = baseOptions.Linear with { C = c },
                NaiveBayesWeighting = nb,
            };
            string chars = max == 0 ? "no chars" : $"chars {min}-{max}";
            grid.Add(new TuningCandidate(options.Validate(), $"C={c.ToString(System.Globalization.CultureInfo.InvariantCulture)}, words 1-{n}, {chars}{(nb ? ", NB" : "")}"));
        }
        return grid;
    }

    public static IReadOnlyList<TuningResult> Run(
        IReadOnlyList<LabelledSentence> rows,
        IReadOnlyList<TuningCandidate> candidates,
        int folds,
        IProgress<PipelineProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0) throw new ArgumentException("Nothing to tune: the grid is empty.", nameof(candidates));
        var results = new List<TuningResult>();
        for (int i = 0; i < candidates.Count; i++)
        {
            var stage = new CandidateProgress(progress, candidates[i].Description, i, candidates.Count);
            var cv = CrossValidator.Run(rows, candidates[i].Options, folds, stage, cancellation);
            results.Add(new TuningResult(candidates[i], cv.Reports));
        }
        return results;
    }

    /// <summary>The best result: highest score, earliest in the grid on ties.</summary>
    public static TuningResult Best(IReadOnlyList<TuningResult> results) =>
        results.Select((r, i) => (r, i)).OrderByDescending(p => p.r.Score).ThenBy(p => p.i).First().r;

    private sealed class CandidateProgress(IProgress<PipelineProgress>? inner, string description, int index, int count) : IProgress<PipelineProgress>
    {
        public void Report(PipelineProgress value) =>
            inner?.Report(new PipelineProgress($"{index + 1}/{count} {description}: {value.Stage}", (index + value.Fraction) / count));
    }
}
