// Parameters are documented where their name does not say it all; the README's JSON section documents every field.
#pragma warning disable CS1573
using StanceLab.Evaluation;

namespace StanceLab.Json;

/// <summary><c>train --learning-curve --format json</c>: grouped cross-validation on growing shares of the training sources.</summary>
public sealed record LearningCurveDocument(int SchemaVersion, string Kind, int Folds, int Seed, IReadOnlyList<CurvePointJson> Points)
{
    public static LearningCurveDocument From(int folds, int seed, IReadOnlyList<LearningCurvePoint> points) => new(
        JsonSchema.Version, "learning-curve", folds, seed,
        points.Select(p => new CurvePointJson(p.Fraction, p.MeanTrainingRows, p.MeanTrainingSources, p.Reports.Select(r => new CurveHeadJson(
            r.Label, r.Accuracy, r.MacroF1, r.MajorityBaseline, r.MajorityMacroF1, PerClassF1(r))).ToArray())).ToArray());

    internal static IReadOnlyDictionary<string, double> PerClassF1(ClassificationReport r) =>
        r.PerClass.ToDictionary(c => c.Class, c => c.F1, StringComparer.Ordinal);
}

public sealed record CurvePointJson(double Fraction, double MeanTrainingRows, double MeanTrainingSources, IReadOnlyList<CurveHeadJson> Heads);

/// <param name="F1">Per class F1.</param>
public sealed record CurveHeadJson(string Label, double Accuracy, double MacroF1, double MajorityBaseline, double MajorityMacroF1, IReadOnlyDictionary<string, double> F1);

/// <summary><c>train --stacking-report --format json</c>: every head linear against the same head stacked, on the same folds.</summary>
public sealed record StackingDocument(int SchemaVersion, string Kind, int Folds, int InnerFolds, int Seed, IReadOnlyList<StackingHeadJson> Heads)
{
    public static StackingDocument From(StackingResult result) => new(
        JsonSchema.Version, "stacking", result.Folds, result.InnerFolds, result.Seed,
        result.Heads.Select(h => new StackingHeadJson(h.Column, h.StackedWins, Summary(h.Linear), Summary(h.Stacked))).ToArray());

    private static StackingSideJson Summary(ClassificationReport r) =>
        new(r.Accuracy, r.MacroF1, r.LogLoss, LearningCurveDocument.PerClassF1(r));
}

public sealed record StackingHeadJson(string Label, bool StackedWins, StackingSideJson Linear, StackingSideJson Stacked);

public sealed record StackingSideJson(double Accuracy, double MacroF1, double LogLoss, IReadOnlyDictionary<string, double> F1);

/// <summary><c>tune --format json</c>: the grid ranked by mean macro-F1 over the heads, and the train command of the best.</summary>
/// <param name="Train">The <c>stancelab train</c> command that trains the best options (writing models/tuned.stancelab).</param>
public sealed record TuningDocument(int SchemaVersion, string Kind, string Best, string Train, IReadOnlyList<TuningCandidateJson> Candidates)
{
    public static TuningDocument From(IEnumerable<TuningResult> ranked, TuningResult best, string train) => new(
        JsonSchema.Version, "tuning", best.Candidate.Description, train,
        ranked.Select(r => new TuningCandidateJson(r.Candidate.Description, r.Score,
            r.Reports.Select(rep => new TuningHeadJson(rep.Label, rep.Accuracy, rep.MacroF1)).ToArray())).ToArray());
}

/// <param name="Score">Mean macro-F1 over the heads: what the grid is ranked by.</param>
public sealed record TuningCandidateJson(string Options, double Score, IReadOnlyList<TuningHeadJson> Heads);

public sealed record TuningHeadJson(string Label, double Accuracy, double MacroF1);
