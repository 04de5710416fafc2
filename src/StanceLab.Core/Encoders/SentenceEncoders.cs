using System.Collections.Concurrent;

namespace StanceLab.Encoders;

/// <summary>
/// The process's sentence encoders: each is loaded once, on first use (loading MiniLM takes about
/// a second), and shared by every featurizer that needs it. Embeddings of distinct sentences are
/// cached, so cross-validation, which refits the featurizer on every fold, encodes each sentence once
/// per run; the cache stops growing at <see cref="CacheCapacity"/> sentences, so streaming large
/// inputs keeps memory flat.
/// </summary>
public static class SentenceEncoders
{
    public const int CacheCapacity = 50_000;

    private static readonly Lazy<ISentenceEncoder> MiniLm = new(() => new MiniLmEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ConcurrentDictionary<(SentenceEncoderKind, string), float[]> Cache = new();

    /// <summary>The shared encoder of <paramref name="kind"/>; null for <see cref="SentenceEncoderKind.None"/>.</summary>
    public static ISentenceEncoder? Get(SentenceEncoderKind kind) => kind switch
    {
        SentenceEncoderKind.None => null,
        SentenceEncoderKind.MiniLm => MiniLm.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown sentence encoder."),
    };

    /// <summary>
    /// Forgets every cached embedding: frees their memory in a long-running process, and lets a
    /// benchmark time the encoder itself rather than the cache.
    /// </summary>
    public static void ClearCache() => Cache.Clear();

    /// <summary>The embedding of <paramref name="text"/> by <paramref name="encoder"/>, from the cache when it was computed before.</summary>
    public static float[] Embed(ISentenceEncoder encoder, string text)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(text);
        var key = (encoder.Kind, text);
        if (Cache.TryGetValue(key, out var cached)) return cached;
        var embedding = new float[encoder.Dimension];
        encoder.Encode(text, embedding);
        if (Cache.Count < CacheCapacity) Cache.TryAdd(key, embedding);
        return embedding;
    }
}
