using System.Text.Json;
using StanceLab.Scoring;

namespace StanceLab.Cli.Rendering;

/// <summary>
/// A scored article as one JSON line: {"file", ["line",] "sentences": [{"text", "start", "coverage", "unsure", "end", "predictions":
/// {head: {"label", "probability", "probabilities", "explanation": [{"token", "start", "end", "contribution"}]}}}],
/// "profile": {head: {label: share}}}. The explanation lists the tokens toward the label (strongest
/// first), then those against it; a tree head adds "absent": [{"feature", "contribution"}], the
/// features whose absence moved the score; a stacked head adds "inputs": [{"feature", "contribution"}],
/// its inputs' exact contributions (baseValue + Σ inputs = logit), and its tokens explain its own
/// linear input. "meaning" is the sentence encoder's exact share of the logit (0 without one); with
/// --meaning-by-word each token also has "meaningShare", its approximate part of it by occlusion.
/// </summary>
internal static class ScoreJsonView
{
    /// <param name="output">Where the line goes.</param>
    /// <param name="file">The input's name.</param>
    /// <param name="score">The scored article.</param>
    /// <param name="line">With <c>score --lines</c>: the article's line number in the input, written as "line".</param>
    public static void Write(TextWriter output, string file, ArticleScore score, long? line = null)
    {
        JsonOutput.WriteLine(output, w =>
        {
            w.WriteStartObject();
            w.WriteString("file", file);
            if (line is { } n) w.WriteNumber("line", n);
            w.WriteStartArray("sentences");
            foreach (var s in score.Sentences)
            {
                w.WriteStartObject();
                w.WriteString("text", s.Sentence.Text);
                w.WriteNumber("start", s.Sentence.Start);
                w.Number("coverage", s.Coverage);
                w.WriteBoolean("unsure", s.Unsure);
                w.WriteNumber("end", s.Sentence.End);
                w.WriteStartObject("predictions");
                foreach (var p in s.Predictions) WritePrediction(w, p);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("profile");
            foreach (var (head, shares) in score.Profile.Shares)
            {
                w.WriteStartObject(head);
                foreach (var (label, share) in shares) w.Number(label, share);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    internal static void WritePrediction(Utf8JsonWriter w, HeadPrediction p)
    {
        w.WriteStartObject(p.Column);
        w.WriteString("label", p.Label);
        w.Number("probability", p.Probability);
        w.WriteStartObject("probabilities");
        foreach (var (label, probability) in p.Probabilities) w.Number(label, probability);
        w.WriteEndObject();
        w.Number("baseValue", p.BaseValue);
        w.Number("logit", p.Logit);
        w.Number("meaning", p.Meaning);
        WriteTokens(w, "explanation", p.Toward.Concat(p.Against));
        WriteNamed(w, "absent", p.Absent);
        WriteNamed(w, "inputs", p.Inputs);
        w.WriteEndObject();
    }

    /// <summary>Named contributions (absent features, stacked inputs); written only when there are any, so linear output is unchanged.</summary>
    internal static void WriteNamed(Utf8JsonWriter w, string name, IReadOnlyList<NamedContribution> named)
    {
        if (named.Count == 0) return;
        w.WriteStartArray(name);
        foreach (var a in named)
        {
            w.WriteStartObject();
            w.WriteString("feature", a.Feature);
            w.Number("contribution", a.Contribution);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>Tokens with their article offsets and contributions, as score and explain both write them.</summary>
    internal static void WriteTokens(Utf8JsonWriter w, string name, IEnumerable<TokenContribution> tokens)
    {
        w.WriteStartArray(name);
        foreach (var t in tokens)
        {
            w.WriteStartObject();
            w.WriteString("token", t.Token);
            w.WriteNumber("start", t.Start);
            w.WriteNumber("end", t.End);
            w.Number("contribution", t.Contribution);
            if (t.MeaningShare is { } share) w.Number("meaningShare", share);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
