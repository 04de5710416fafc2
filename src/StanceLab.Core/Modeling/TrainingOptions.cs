using StanceLab.Features;
using StanceLab.Learning.Linear;
using StanceLab.Learning.Trees;

namespace StanceLab.Modeling;

/// <summary>
/// Everything that decides a trained model. The record's own defaults are the lean baseline
/// (n-grams only, unweighted classes); <see cref="Recommended"/> is what grouped cross-validation
/// chose for news and what <c>stancelab train</c> and the shipped model use.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>
    /// The shipped model's options: the MiniLM sentence encoder beside the n-grams, and balanced
    /// class weights. On training-data/ (8,693 sentences, grouped 5-fold CV, seed 42) they raised
    /// mean macro-F1 over topic and stance from 0.660 (baseline) to 0.709; the encoder alone gave
    /// 0.707 and balanced weights alone 0.677 (README, "Choosing the defaults").
    /// </summary>
    public static TrainingOptions Recommended { get; } = new()
    {
        Featurizer = new FeaturizerOptions { Encoder = Encoders.SentenceEncoderKind.MiniLm },
        Linear = new LogisticRegressionOptions { ClassWeighting = ClassWeighting.Balanced },
    };

    public static readonly IReadOnlyList<string> DefaultLabelColumns = ["topic", "stance"];

    /// <summary>The label columns to learn, one head each.</summary>
    public IReadOnlyList<string> LabelColumns { get; init; } = DefaultLabelColumns;

    public FeaturizerOptions Featurizer { get; init; } = new();

    public LogisticRegressionOptions Linear { get; init; } = new();

    /// <summary>The learner of each head; a column not listed uses <see cref="DefaultTrainer"/>.</summary>
    public IReadOnlyDictionary<string, TrainerKind> Trainers { get; init; } = new Dictionary<string, TrainerKind>();

    public TrainerKind DefaultTrainer { get; init; } = TrainerKind.Linear;

    /// <summary>Settings of the tree heads (the seed comes from <see cref="Seed"/>).</summary>
    public FastTreeOptions Trees { get; init; } = new();

    public TrainerKind TrainerFor(string column) => Trainers.TryGetValue(column, out var kind) ? kind : DefaultTrainer;

    /// <summary>
    /// Scale features by naive Bayes log-count ratios before the linear fit (Wang &amp; Manning's
    /// NBSVM idea); two-class linear heads only.
    /// </summary>
    public bool NaiveBayesWeighting { get; init; }

    /// <summary>Seeds every random choice (fold assignment and any sampling a trainer does).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>How <c>train</c> calibrates the heads; applied only when cross-validation runs, whose out-of-fold probabilities it is fitted on.</summary>
    public CalibrationKind Calibration { get; init; } = CalibrationKind.Temperature;

    /// <summary>When null the model records no creation time and is byte-for-byte reproducible.</summary>
    public DateTimeOffset? CreatedUtc { get; init; }

    public TrainingOptions Validate()
    {
        if (LabelColumns.Count == 0) throw new ArgumentException("TrainingOptions.LabelColumns is empty: name at least one label column.", nameof(LabelColumns));
        foreach (var column in LabelColumns)
        {
            if (string.IsNullOrWhiteSpace(column)) throw new ArgumentException("TrainingOptions.LabelColumns holds an empty name.", nameof(LabelColumns));
            if (column is "id" or "source" or "text") throw new ArgumentException($"TrainingOptions.LabelColumns: '{column}' is not a label column.", nameof(LabelColumns));
        }
        if (LabelColumns.Distinct(StringComparer.Ordinal).Count() != LabelColumns.Count)
            throw new ArgumentException($"TrainingOptions.LabelColumns names a column twice: {string.Join(", ", LabelColumns)}.", nameof(LabelColumns));
        foreach (var column in Trainers.Keys)
            if (!LabelColumns.Contains(column, StringComparer.Ordinal))
                throw new ArgumentException($"TrainingOptions.Trainers names '{column}', which is not one of the label columns ({string.Join(", ", LabelColumns)}).", nameof(Trainers));
        Featurizer.Validate();
        Linear.Validate();
        Trees.Validate();
        return this;
    }
}
