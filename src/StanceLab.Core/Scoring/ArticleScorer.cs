using StanceLab.Features;
using StanceLab.Learning;
using StanceLab.Modeling;
using StanceLab.Text;

namespace StanceLab.Scoring;

/// <summary>
/// Scores articles: split into sentences, featurize each once, ask every head, and explain each
/// label by the tokens that drove it. A feature's contribution is shared equally among its
/// occurrences and, within an occurrence, among the tokens it spans (a bigram gives half to each
/// word), so the token contributions add up exactly to the feature contributions. Each sentence
/// knows its position in the article, which stacked heads read.
/// </summary>
/// <param name="model">The model.</param>
/// <param name="splitter">The sentence splitter (the news-aware default when null).</param>
/// <param name="meaningByWord">
/// Also split each head's sentence-meaning contribution onto the words by leave-one-word-out
/// occlusion (<see cref="TokenContribution.MeaningShare"/>): one more encoder run per token, so
/// only when asked.
/// </param>
/// <param name="abstainBelow">
/// A head whose top probability is under this is <see cref="HeadPrediction.Unsure"/> (0: never, by
/// probability; a sentence of low coverage is unsure in every head regardless).
/// </param>
public sealed class ArticleScorer(StanceModel model, SentenceSplitter? splitter = null, bool meaningByWord = false, double abstainBelow = 0)
{
    private readonly StanceModel _model = model ?? throw new ArgumentNullException(nameof(model));
    private readonly SentenceSplitter _splitter = splitter ?? SentenceSplitter.Default;

    /// <param name="article">The article text; sentences keep their offsets in it.</param>
    /// <param name="explainTop">How many tokens to list toward and against each label.</param>
    public ArticleScore Score(string article, int explainTop = 5)
    {
        ArgumentNullException.ThrowIfNull(article);
        var sentences = _splitter.Split(article);
        var scores = sentences.Select((s, i) => ScoreSentence(s, new SentenceContext(i, sentences.Count,
            i > 0 ? sentences[i - 1].Text : null, i + 1 < sentences.Count ? sentences[i + 1].Text : null), explainTop)).ToArray();
        return new ArticleScore(scores, Profile(scores));
    }

    /// <summary>Scores one piece of text as a single sentence (offsets relative to it), as an article of one.</summary>
    public SentenceScore ScoreSentence(string text, int explainTop = 5)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ScoreSentence(new Sentence(text, 0, text.Length), SentenceContext.Alone, explainTop);
    }

    private SentenceScore ScoreSentence(Sentence sentence, SentenceContext context, int explainTop)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(explainTop);
        var featurized = _model.Featurizer.Featurize(sentence.Text);
        double coverage = SentenceCoverage.Of(_model.Featurizer, featurized);
        bool lowCoverage = coverage < SentenceScore.UnsureBelow;
        var predictions = new List<HeadPrediction>(_model.Heads.Count);
        foreach (var head in _model.Heads)
        {
            var classifier = head.Classifier;
            var input = head.Input(featurized.Vector, sentence.Text, context);
            var probabilities = new double[classifier.Classes.Count];
            classifier.PredictProbabilities(input, probabilities);
            int best = 0;
            for (int c = 1; c < probabilities.Length; c++) if (probabilities[c] > probabilities[best]) best = c;
            var explanation = classifier.Explain(input, best);
            var tokens = head.Stacking is { } stacking
                ? TokensBehindStackedLabel(stacking, head.Column, classifier.Classes[best], featurized, sentence.Start)
                : TokenContributions(featurized, explanation, sentence.Start);
            double meaning = head.IsStacked ? 0 : MeaningOf(featurized.Vector, explanation);
            if (meaningByWord && !head.IsStacked && _model.Featurizer.EncoderDimension > 0)
                tokens = WithMeaningShares(tokens, featurized, sentence, input => MeaningOf(input, classifier.Explain(input, best)), meaning);
            predictions.Add(new HeadPrediction(
                head.Column,
                classifier.Classes[best],
                probabilities[best],
                classifier.Classes.Select((c, i) => KeyValuePair.Create(c, probabilities[i])).ToArray(),
                explanation.BaseValue,
                explanation.Score,
                tokens,
                tokens.Where(t => t.Contribution > 0).OrderByDescending(t => t.Contribution).ThenBy(t => t.Start).Take(explainTop).ToArray(),
                tokens.Where(t => t.Contribution < 0).OrderBy(t => t.Contribution).ThenBy(t => t.Start).Take(explainTop).ToArray())
            {
                Meaning = meaning,
                Temperature = classifier is TemperatureScaledClassifier scaled ? scaled.Temperature : null,
                Unsure = lowCoverage || probabilities[best] < abstainBelow,
                Absent = head.IsStacked ? [] : Named(explanation.AbsentContributions.Where(a => !_model.Featurizer.IsEncoderFeature(a.Feature)), _model.Featurizer.FeatureName),
                Inputs = head.Stacking is { } s
                    ? Named(explanation.Contributions.Concat(explanation.AbsentContributions), j => s.FeatureNames[j])
                    : [],
            });
        }
        return new SentenceScore(sentence, predictions) { Coverage = coverage };
    }

    /// <summary>Each token's occlusion share: the meaning contribution minus the one with the token cut out of the sentence.</summary>
    private IReadOnlyList<TokenContribution> WithMeaningShares(IReadOnlyList<TokenContribution> tokens, FeaturizedText featurized, Sentence sentence, Func<SparseVector, double> meaningOf, double meaning)
    {
        var result = new TokenContribution[tokens.Count];
        for (int t = 0; t < tokens.Count; t++)
        {
            var token = featurized.Tokens[t];
            var occluded = string.Concat(sentence.Text.AsSpan(0, token.Start), sentence.Text.AsSpan(token.End)).Trim();
            double without = meaningOf(_model.Featurizer.WithEmbeddingOf(featurized.Vector, occluded));
            result[t] = tokens[t] with { MeaningShare = meaning - without };
        }
        return result;
    }

    /// <summary>What the encoder's dimensions add to the explained logit (features that no token produced).</summary>
    private double MeaningOf(SparseVector vector, Explanation explanation)
    {
        double sum = 0;
        var indices = vector.Indices;
        for (int i = 0; i < explanation.Contributions.Count; i++)
            if (_model.Featurizer.IsEncoderFeature(indices[i])) sum += explanation.Contributions[i].Contribution;
        foreach (var absent in explanation.AbsentContributions)
            if (_model.Featurizer.IsEncoderFeature(absent.Feature)) sum += absent.Contribution;
        return sum;
    }

    private static NamedContribution[] Named(IEnumerable<FeatureContribution> contributions, Func<int, string> name) =>
        contributions.Where(c => c.Contribution != 0)
            .Select(c => new NamedContribution(name(c.Feature), c.Contribution))
            .OrderByDescending(c => Math.Abs(c.Contribution)).ThenBy(c => c.Feature, StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// The words behind a stacked head's label: the token contributions of the head's own linear
    /// base model to the same label's logit (no tokens when the base model never saw the label).
    /// </summary>
    private static IReadOnlyList<TokenContribution> TokensBehindStackedLabel(StackingInputs stacking, string column, string label, FeaturizedText featurized, int offset)
    {
        var own = stacking.Bases.FirstOrDefault(b => b.Column == column);
        int index = own is null ? -1 : own.Classifier.Classes.ToList().IndexOf(label);
        if (index < 0) return featurized.Tokens.Select(t => new TokenContribution(t.Text, t.Start + offset, t.End + offset, 0.0)).ToArray();
        return TokenContributions(featurized, own!.Classifier.Explain(featurized.Vector, index), offset);
    }

    /// <summary>Spreads each feature's contribution over the tokens it came from; offsets are shifted by <paramref name="offset"/>.</summary>
    public static IReadOnlyList<TokenContribution> TokenContributions(FeaturizedText featurized, Explanation explanation, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(featurized);
        ArgumentNullException.ThrowIfNull(explanation);
        var perToken = new double[featurized.Tokens.Count];
        for (int i = 0; i < explanation.Contributions.Count; i++)
        {
            double contribution = explanation.Contributions[i].Contribution;
            var occurrences = featurized.Occurrences[i];
            double perOccurrence = contribution / occurrences.Count;
            foreach (var occurrence in occurrences)
            {
                double share = perOccurrence / occurrence.TokenCount;
                for (int t = occurrence.FirstToken; t <= occurrence.LastToken; t++) perToken[t] += share;
            }
        }
        var result = new TokenContribution[perToken.Length];
        for (int t = 0; t < perToken.Length; t++)
        {
            var token = featurized.Tokens[t];
            result[t] = new TokenContribution(token.Text, token.Start + offset, token.End + offset, perToken[t]);
        }
        return result;
    }

    private ArticleProfile Profile(IReadOnlyList<SentenceScore> scores)
    {
        var shares = new List<KeyValuePair<string, IReadOnlyList<KeyValuePair<string, double>>>>();
        foreach (var head in _model.Heads)
        {
            var classes = _model.Metadata.LabelSets.TryGetValue(head.Column, out var all) ? all : head.Classifier.Classes;
            var counts = classes.ToDictionary(c => c, _ => 0, StringComparer.Ordinal);
            foreach (var score in scores) counts[score.For(head.Column).Label] = counts.GetValueOrDefault(score.For(head.Column).Label) + 1;
            double n = Math.Max(1, scores.Count);
            shares.Add(KeyValuePair.Create(head.Column,
                (IReadOnlyList<KeyValuePair<string, double>>)classes.Select(c => KeyValuePair.Create(c, counts[c] / n)).ToArray()));
        }
        return new ArticleProfile(shares);
    }
}
