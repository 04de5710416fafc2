using StanceLab.Data;

namespace StanceLab.Modeling;

/// <summary>
/// Where a sentence sits in its article: its 0-based position, the article's sentence count, and
/// its neighbours' texts (null at the article's ends), whose cues a quotation or a "he said"
/// running over several sentences leaves.
/// </summary>
public readonly record struct SentenceContext
{
    public SentenceContext(int position, int sentenceCount, string? previous = null, string? next = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, sentenceCount);
        Position = position;
        SentenceCount = sentenceCount;
        Previous = previous;
        Next = next;
    }

    public int Position { get; }
    public int SentenceCount { get; }
    public string? Previous { get; }
    public string? Next { get; }

    /// <summary>A sentence scored on its own, as an article of one.</summary>
    public static SentenceContext Alone { get; } = new(0, 1);

    /// <summary>Every row's context: its source is its article, and rows of one source are in article order.</summary>
    public static SentenceContext[] Of(IReadOnlyList<LabelledSentence> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows) counts[row.Source] = counts.GetValueOrDefault(row.Source) + 1;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        var previous = new int[rows.Count];
        var next = new int[rows.Count];
        Array.Fill(next, -1);
        for (int i = 0; i < rows.Count; i++)
        {
            previous[i] = last.TryGetValue(rows[i].Source, out int before) ? before : -1;
            if (previous[i] >= 0) next[previous[i]] = i;
            last[rows[i].Source] = i;
        }
        var result = new SentenceContext[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            int position = seen.GetValueOrDefault(rows[i].Source);
            seen[rows[i].Source] = position + 1;
            result[i] = new SentenceContext(position, counts[rows[i].Source],
                previous[i] >= 0 ? rows[previous[i]].Text : null, next[i] >= 0 ? rows[next[i]].Text : null);
        }
        return result;
    }
}
