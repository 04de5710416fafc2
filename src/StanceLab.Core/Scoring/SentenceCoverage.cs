using StanceLab.Features;

namespace StanceLab.Scoring;

/// <summary>
/// The share of a sentence's word tokens (those with a letter or digit) that some known word
/// unigram came from: read off the featurized sentence's own occurrences, with no second pass over
/// the text. 1 for a sentence without words.
/// </summary>
public static class SentenceCoverage
{
    public static double Of(FittedFeaturizer featurizer, FeaturizedText featurized)
    {
        ArgumentNullException.ThrowIfNull(featurizer);
        ArgumentNullException.ThrowIfNull(featurized);
        var known = new bool[featurized.Tokens.Count];
        var indices = featurized.Vector.Indices;
        for (int i = 0; i < indices.Length; i++)
            if (featurizer.IsWordUnigram(indices[i]))
                foreach (var occurrence in featurized.Occurrences[i]) known[occurrence.FirstToken] = true;
        int words = 0, covered = 0;
        for (int t = 0; t < known.Length; t++)
        {
            if (!featurized.Tokens[t].Text.Any(char.IsLetterOrDigit)) continue;
            words++;
            if (known[t]) covered++;
        }
        return words == 0 ? 1.0 : (double)covered / words;
    }
}
