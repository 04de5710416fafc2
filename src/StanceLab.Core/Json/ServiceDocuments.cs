// Parameters are documented where their name does not say it all; the README's service section documents every field.
#pragma warning disable CS1573
using StanceLab.Modeling;
using StanceLab.Persistence;

namespace StanceLab.Json;

/// <summary>The body of <c>POST /v1/score</c>: one article as <paramref name="Text"/>, or several as <paramref name="Articles"/>.</summary>
/// <param name="Explain">How many tokens to list toward and against each label (default 5).</param>
/// <param name="Abstain">Mark a head's label unsure when its top probability is under this (as <c>score --abstain</c>; default 0).</param>
public sealed record ScoreRequest(string? Text, IReadOnlyList<string>? Articles, int? Explain, double? Abstain);

/// <summary>The body of <c>POST /v1/explain</c>: one sentence.</summary>
public sealed record ExplainRequest(string? Text);

/// <summary>The answer to <c>POST /v1/score</c> with <c>articles</c>: one score document per article, in request order.</summary>
public sealed record ScoreBatchDocument(int SchemaVersion, IReadOnlyList<ScoreDocument> Articles);

/// <summary><c>GET /health</c>.</summary>
public sealed record HealthDocument(int SchemaVersion, string Status);

/// <summary>An error answer: the HTTP status again and what was wrong.</summary>
public sealed record ErrorDocument(int SchemaVersion, ErrorJson Error)
{
    public static ErrorDocument Of(int status, string message) => new(JsonSchema.Version, new ErrorJson(status, message));
}

public sealed record ErrorJson(int Status, string Message);

/// <summary><c>GET /v1/model</c>: what the service's model is.</summary>
/// <param name="LabelSets">Per head, its labels in the model's class order.</param>
/// <param name="Encoder">The sentence encoder the features include ("none" or "minilm").</param>
/// <param name="FormatVersion">The model file format version this build writes and reads up to.</param>
/// <param name="TrainedUtc">When the model was trained, if it was stamped (train --stamp).</param>
public sealed record ModelInfoDocument(
    int SchemaVersion,
    string Model,
    IReadOnlyDictionary<string, IReadOnlyList<string>> LabelSets,
    string Encoder,
    int FormatVersion,
    string ToolVersion,
    int TrainingRows,
    IReadOnlyList<string> TrainingFiles,
    DateTimeOffset? TrainedUtc)
{
    public static ModelInfoDocument From(string path, StanceModel model) => new(
        JsonSchema.Version,
        path,
        model.Heads.ToDictionary(h => h.Column, h => h.Classifier.Classes, StringComparer.Ordinal),
        model.Featurizer.Options.Encoder.ToString().ToLowerInvariant(),
        ModelFile.FormatVersion,
        model.Metadata.ToolVersion,
        model.Metadata.TrainingRows,
        model.Metadata.TrainingFiles,
        model.Metadata.CreatedUtc);
}
