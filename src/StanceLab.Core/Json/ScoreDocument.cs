// Parameters are documented where their name does not say it all; the README's JSON section documents every field.
#pragma warning disable CS1573
using StanceLab.Scoring;

namespace StanceLab.Json;

/// <summary>A scored article: <c>score --format json</c> writes one per line, the service returns one per article.</summary>
/// <param name="File">The input's name ("-" for standard input).</param>
/// <param name="Line">With <c>score --lines</c>: the article's line in the input.</param>
/// <param name="Sentences">Every sentence, in article order.</param>
/// <param name="Profile">Per head, the share of the article's sentences given each label.</param>
public sealed record ScoreDocument(
    int SchemaVersion,
    string File,
    long? Line,
    IReadOnlyList<SentenceJson> Sentences,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Profile)
{
    public static ScoreDocument From(string file, ArticleScore score, long? line = null) => new(
        JsonSchema.Version,
        file,
        line,
        score.Sentences.Select(s => SentenceJson.From(s, explainAll: false)).ToArray(),
        score.Profile.Shares.ToDictionary(
            h => h.Key,
            h => (IReadOnlyDictionary<string, double>)h.Value.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            StringComparer.Ordinal));
}

/// <param name="Text">The sentence as it stands in the article.</param>
/// <param name="Start">Character offset of its first character in the article.</param>
/// <param name="End">Offset just after its last character.</param>
/// <param name="Coverage">Share of its words the model's vocabulary knows.</param>
/// <param name="Unsure">Coverage under 0.5: the labels are best guesses.</param>
/// <param name="Predictions">Per head (label column), the prediction.</param>
public sealed record SentenceJson(
    string Text,
    int Start,
    int End,
    double Coverage,
    bool Unsure,
    IReadOnlyDictionary<string, PredictionJson> Predictions)
{
    /// <param name="explainAll">Every token (explain) rather than the strongest toward and against (score).</param>
    public static SentenceJson From(SentenceScore score, bool explainAll) => new(
        score.Sentence.Text,
        score.Sentence.Start,
        score.Sentence.End,
        score.Coverage,
        score.Unsure,
        score.Predictions.ToDictionary(p => p.Column, p => PredictionJson.From(p, explainAll), StringComparer.Ordinal));
}

/// <param name="Label">The most probable label.</param>
/// <param name="Probability">Its probability.</param>
/// <param name="Probabilities">Every label's probability, in the model's class order.</param>
/// <param name="BaseValue">The logit's part that no feature explains (bias, or a tree ensemble's base score).</param>
/// <param name="Logit">The label's score before the softmax: baseValue + meaning + Σ tokens (+ Σ absent, or Σ inputs for a stacked head).</param>
/// <param name="Meaning">The sentence encoder's exact share of the logit (0 without an encoder).</param>
/// <param name="Tokens">
/// Token contributions to the label's logit: with <c>score</c>, the strongest toward it (largest
/// first), then the strongest against it; with <c>explain</c>, every token in text order.
/// </param>
/// <param name="Absent">Tree heads: features whose absence moved the score (omitted when none).</param>
/// <param name="Inputs">Stacked heads: their inputs' exact contributions (omitted for other heads).</param>
/// <param name="Temperature">A calibrated head's temperature: probabilities = softmax(logit / temperature) (omitted when uncalibrated).</param>
/// <param name="Unsure">The head abstains (top probability under <c>--abstain</c>, or low coverage): the label is a best guess.</param>
public sealed record PredictionJson(
    string Label,
    double Probability,
    IReadOnlyDictionary<string, double> Probabilities,
    double BaseValue,
    double Logit,
    double Meaning,
    IReadOnlyList<TokenJson> Tokens,
    IReadOnlyList<NamedContributionJson>? Absent,
    IReadOnlyList<NamedContributionJson>? Inputs,
    double? Temperature,
    bool Unsure)
{
    public static PredictionJson From(HeadPrediction p, bool explainAll) => new(
        p.Label,
        p.Probability,
        p.Probabilities.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal),
        p.BaseValue,
        p.Logit,
        p.Meaning,
        (explainAll ? p.Tokens : p.Toward.Concat(p.Against)).Select(TokenJson.From).ToArray(),
        NamedContributionJson.ListOrNull(p.Absent),
        NamedContributionJson.ListOrNull(p.Inputs),
        p.Temperature,
        p.Unsure);
}

/// <param name="Token">The token's text.</param>
/// <param name="Start">Character offset in the article (explain: in the sentence).</param>
/// <param name="End">Offset just after it.</param>
/// <param name="Contribution">Its exact contribution to the label's logit (n-grams it starts, shared with the other tokens of each n-gram).</param>
/// <param name="MeaningShare">With <c>--meaning-by-word</c> and in explain: its approximate part of the sentence meaning, by occlusion.</param>
public sealed record TokenJson(string Token, int Start, int End, double Contribution, double? MeaningShare)
{
    public static TokenJson From(TokenContribution t) => new(t.Token, t.Start, t.End, t.Contribution, t.MeaningShare);
}

/// <param name="Feature">The feature's readable name.</param>
/// <param name="Contribution">Its exact contribution to the logit.</param>
public sealed record NamedContributionJson(string Feature, double Contribution)
{
    internal static IReadOnlyList<NamedContributionJson>? ListOrNull(IReadOnlyList<NamedContribution> named) =>
        named.Count == 0 ? null : named.Select(a => new NamedContributionJson(a.Feature, a.Contribution)).ToArray();
}
