using StanceLab.Features;
using System.Text.Json.Serialization;
using StanceLab.Learning.Linear;
using StanceLab.Learning.Trees;

namespace StanceLab.Modeling;

/// <summary>
/// What a model was trained from and with. <see cref="CreatedUtc"/> is null for a reproducible
/// build, so the same data and seed give the same model bytes.
/// </summary>
public sealed record ModelMetadata
{
    public required string ToolVersion { get; init; }
    public required IReadOnlyList<string> LabelColumns { get; init; }

    /// <summary>Every class of each label column in the training data, including any a head could not learn.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> LabelSets { get; init; }
    /// <summary>Training rows per class of each label column; the most frequent class is the majority baseline.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ClassCounts { get; init; }
    public required FeaturizerOptions Featurizer { get; init; }
    public required LogisticRegressionOptions Linear { get; init; }
    public bool NaiveBayesWeighting { get; init; }

    /// <summary>The learner of each head; null in models whose heads are all linear (and in models written before trees existed).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, TrainerKind>? Trainers { get; init; }

    /// <summary>Settings of the tree heads; null when the model has none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FastTreeOptions? Trees { get; init; }
    public required int Seed { get; init; }
    public required int TrainingRows { get; init; }

    /// <summary>SHA-256 (hex) of the training rows: id, source, text and the label columns, in order.</summary>
    public required string DataHash { get; init; }
    public required IReadOnlyList<string> TrainingFiles { get; init; }
    /// <summary>How each head's fit ended; a head that did not converge is flagged here and by the CLI.</summary>
    public IReadOnlyList<HeadTrainingSummary> Training { get; init; } = [];

    public DateTimeOffset? CreatedUtc { get; init; }
}
