using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StanceLab.Json;

/// <summary>
/// The serializer of every JSON document StanceLab writes, generated at compile time (no
/// reflection): camelCase names, fields that are null left out, numbers through
/// <see cref="RoundedDoubleConverter"/>, one line per document.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(RoundedDoubleConverter)])]
[JsonSerializable(typeof(ScoreDocument))]
[JsonSerializable(typeof(ExplainDocument))]
[JsonSerializable(typeof(ReportDocument))]
[JsonSerializable(typeof(CheckDocument))]
[JsonSerializable(typeof(LearningCurveDocument))]
[JsonSerializable(typeof(StackingDocument))]
[JsonSerializable(typeof(TuningDocument))]
[JsonSerializable(typeof(ScoreRequest))]
[JsonSerializable(typeof(ExplainRequest))]
[JsonSerializable(typeof(ScoreBatchDocument))]
[JsonSerializable(typeof(HealthDocument))]
[JsonSerializable(typeof(ErrorDocument))]
[JsonSerializable(typeof(ModelInfoDocument))]
public sealed partial class StanceLabJsonContext : JsonSerializerContext
{
    /// <summary>The context StanceLab writes with: as generated, plus non-ASCII text written as itself rather than escaped.</summary>
    public static StanceLabJsonContext Writer { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new RoundedDoubleConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
