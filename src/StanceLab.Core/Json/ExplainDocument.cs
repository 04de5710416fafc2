using StanceLab.Scoring;

namespace StanceLab.Json;

/// <summary><c>explain --format json</c>: one sentence, every head, every token's contribution.</summary>
public sealed record ExplainDocument(
    int SchemaVersion,
    string Text,
    double Coverage,
    bool Unsure,
    IReadOnlyDictionary<string, PredictionJson> Predictions)
{
    public static ExplainDocument From(string text, SentenceScore score)
    {
        var sentence = SentenceJson.From(score, explainAll: true);
        return new ExplainDocument(JsonSchema.Version, text, sentence.Coverage, sentence.Unsure, sentence.Predictions);
    }
}
