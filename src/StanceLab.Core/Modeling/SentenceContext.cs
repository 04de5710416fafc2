using StanceLab.Data;

namespace StanceLab.Modeling;

/// <summary>Where a sentence sits in its article: its 0-based position and the article's sentence count.</summary>
public readonly record struct SentenceContext
{
    public SentenceContext(int position, int sentenceCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, sentenceCount);
        Position = position;
        SentenceCount = sentenceCount;
    }

    public int Position { get; }
    public int SentenceCount { get; }

    /// <summary>A sentence scored on its own, as an article of one.</summary>
    public static SentenceContext Alone { get; } = new(0, 1);

    /// <summary>Every row's context: its source is its article, and rows of one source are in article order.</summary>
    public static SentenceContext[] Of(IReadOnlyList<LabelledSentence> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows) counts[row.Source] = counts.GetValueOrDefault(row.Source) + 1;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new SentenceContext[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            int position = seen.GetValueOrDefault(rows[i].Source);
            seen[rows[i].Source] = position + 1;
            result[i] = new SentenceContext(position, counts[rows[i].Source]);
        }
        return result;
    }
}
