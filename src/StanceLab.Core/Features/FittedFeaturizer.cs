using System.Runtime.InteropServices;
using StanceLab.Encoders;
using StanceLab.Text;

namespace StanceLab.Features;

/// <summary>
/// A fitted featurizer: the vocabulary (feature names in ordinal order, so ids are deterministic)
/// and the idf of each feature. Turns a text into a TF-IDF vector in which word features and
/// character features are each L2-normalized and the whole vector has unit length. With a sentence
/// encoder (<see cref="FeaturizerOptions.Encoder"/>) the sentence's unit-length embedding follows as
/// the last <see cref="EncoderDimension"/> features, "sentence meaning" 0, 1, ... Immutable and
/// safe to share between threads.
/// </summary>
public sealed class FittedFeaturizer
{
    private readonly string[] _names;
    private readonly float[] _idf;
    private readonly bool[] _isChar;
    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _chars;

    // The fast path's vocabulary: key hash to id (see NgramHashTable for the collision bound).
    private readonly NgramHashTable _hashed;

    // One reusable generator and hit buffer per thread: Transform allocates only its result.
    private readonly ThreadLocal<Scratch> _scratch;

    public FittedFeaturizer(FeaturizerOptions options, IReadOnlyList<string> featureNames, IReadOnlyList<float> idf)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(idf);
        if (featureNames.Count != idf.Count) throw new ArgumentException("One idf value per feature is required.");
        Options = options.Validate();
        _names = featureNames.ToArray();
        _idf = idf.ToArray();
        _isChar = new bool[_names.Length];
        _ids = new Dictionary<string, int>(_names.Length, StringComparer.Ordinal);
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var chars = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int j = 0; j < _names.Length; j++)
        {
            if (j > 0 && string.CompareOrdinal(_names[j - 1], _names[j]) >= 0)
                throw new ArgumentException($"Feature names must be unique and in ordinal order (at {j}: '{_names[j]}').");
            _ids[_names[j]] = j;
            _isChar[j] = IsCharFeature(_names[j]);
            if (_isChar[j]) chars[_names[j][NgramGenerator.CharPrefix.Length..]] = j;
            else words[_names[j]] = j;
        }
        _words = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _chars = chars.GetAlternateLookup<ReadOnlySpan<char>>();
        _hashed = new NgramHashTable(_names.Length);
        for (int j = 0; j < _names.Length; j++)
        {
            _hashed.Add(_isChar[j]
                ? NgramHash.Of(_names[j].AsSpan(NgramGenerator.CharPrefix.Length), NgramHash.CharSeed)
                : NgramHash.Of(_names[j], NgramHash.WordSeed), j, _names[j]);
        }
        _scratch = new ThreadLocal<Scratch>(() => new Scratch(new NgramGenerator(Options), _names.Length));
        _encoder = SentenceEncoders.Get(Options.Encoder);
    }

    private readonly ISentenceEncoder? _encoder;

    public FeaturizerOptions Options { get; }

    /// <summary>Every feature: the n-grams, then the encoder's dimensions.</summary>
    public int FeatureCount => _names.Length + EncoderDimension;

    /// <summary>How many features are n-grams (the vocabulary); ids from here on are the encoder's.</summary>
    public int NgramCount => _names.Length;

    public int EncoderDimension => _encoder?.Dimension ?? 0;

    /// <summary>The n-gram vocabulary, in id order.</summary>
    public IReadOnlyList<string> FeatureNames => _names;

    public bool IsEncoderFeature(int feature) => feature >= _names.Length;

    /// <summary>Whether the feature is a single word (a word unigram), the unit of coverage.</summary>
    public bool IsWordUnigram(int feature) =>
        feature < _names.Length && !_isChar[feature] && !_names[feature].Contains(' ', StringComparison.Ordinal);

    /// <summary>The stored name of any feature: an n-gram's key, or "meaning:k" for encoder dimension k.</summary>
    public string FeatureName(int feature) => IsEncoderFeature(feature) ? $"meaning:{feature - _names.Length}" : _names[feature];
    public IReadOnlyList<float> Idf => _idf;

    public static bool IsCharFeature(string name) => name.StartsWith(NgramGenerator.CharPrefix, StringComparison.Ordinal);

    /// <summary>A readable name: <c>word "russian military"</c> or <c>chars "&lt;rus"</c>.</summary>
    public string Describe(int feature) =>
        IsEncoderFeature(feature) ? $"sentence meaning {feature - _names.Length}"
        : _isChar[feature]
            ? $"chars \"{_names[feature][NgramGenerator.CharPrefix.Length..]}\""
            : $"word \"{_names[feature]}\"";

    public int? IdOf(string name) => _ids.TryGetValue(name, out var id) ? id : null;

    /// <summary>The feature vector of a text (the fast path: no provenance is kept).</summary>
    public SparseVector Transform(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scratch = _scratch.Value!;
        scratch.Generator.Load(text);
        var sink = new HashIdSink(_hashed, scratch);
        scratch.Generator.GenerateHashes(ref sink);

        // Only the distinct ids are sorted; the counts were kept beside them by position.
        int distinct = scratch.Distinct.Count;
        var ids = CollectionsMarshal.AsSpan(scratch.Distinct);
        var indices = ids.ToArray();
        if (scratch.SortBuffer.Length < distinct) scratch.SortBuffer = new int[Math.Max(distinct, 2 * scratch.SortBuffer.Length)];
        SortIds(indices, scratch.SortBuffer, _names.Length);
        var values = new double[distinct];
        for (int k = 0; k < distinct; k++)
        {
            int id = indices[k];
            values[k] = Weight(id, scratch.Counts[scratch.Position[id]]);
        }
        foreach (var id in ids) scratch.Position[id] = -1;
        scratch.Distinct.Clear();
        scratch.Counts.Clear();
        return WithEmbedding(Finish(indices, values), text);
    }

    /// <summary>
    /// Sorts a sentence's distinct feature ids (all below <paramref name="featureCount"/>). The
    /// generic introsort was a fifth of the time of featurizing and scoring a short sentence (a
    /// profile on TREC questions): up to 32 ids, insertion sort; beyond that, a least-significant-
    /// digit radix sort on bytes, one pass per byte that ids below the feature count can use,
    /// through <paramref name="buffer"/> (at least as long as the ids).
    /// </summary>
    internal static void SortIds(Span<int> ids, Span<int> buffer, int featureCount)
    {
        if (ids.Length <= 32)
        {
            for (int i = 1; i < ids.Length; i++)
            {
                int id = ids[i], j = i - 1;
                while (j >= 0 && ids[j] > id)
                {
                    ids[j + 1] = ids[j];
                    j--;
                }
                ids[j + 1] = id;
            }
            return;
        }
        Span<int> counts = stackalloc int[256];
        var source = ids;
        var target = buffer[..ids.Length];
        int passes = 0;
        for (long limit = 1; limit < featureCount; limit <<= 8) passes++;
        for (int pass = 0, shift = 0; pass < passes; pass++, shift += 8)
        {
            counts.Clear();
            foreach (int id in source) counts[(id >> shift) & 0xFF]++;
            int total = 0;
            for (int digit = 0; digit < 256; digit++)
            {
                int count = counts[digit];
                counts[digit] = total;
                total += count;
            }
            foreach (int id in source) target[counts[(id >> shift) & 0xFF]++] = id;
            var swap = source;
            source = target;
            target = swap;
        }
        // After an odd number of passes the sorted ids are in the buffer.
        if (passes % 2 == 1) source.CopyTo(ids);
    }

    /// <summary>The feature vector of a text with its tokens and where every feature came from.</summary>
    public FeaturizedText Featurize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokenizer.Default.Tokenize(text);
        var generator = new NgramGenerator(Options);
        generator.Load(tokens);
        var hits = new List<(int Feature, FeatureOccurrence Occurrence)>();
        var sink = new OccurrenceSink(_words, _chars, hits);
        generator.Generate(ref sink);
        // By feature, then by position, so occurrences come out in text order.
        hits.Sort((a, b) => a.Feature != b.Feature ? a.Feature.CompareTo(b.Feature) : a.Occurrence.FirstToken.CompareTo(b.Occurrence.FirstToken));
        var indices = new List<int>();
        var values = new List<double>();
        var occurrences = new List<IReadOnlyList<FeatureOccurrence>>();
        for (int i = 0; i < hits.Count;)
        {
            int feature = hits[i].Feature;
            int j = i;
            while (j < hits.Count && hits[j].Feature == feature) j++;
            indices.Add(feature);
            values.Add(Weight(feature, j - i));
            var spans = new FeatureOccurrence[j - i];
            for (int k = 0; k < spans.Length; k++) spans[k] = hits[i + k].Occurrence;
            occurrences.Add(spans);
            i = j;
        }
        var vector = WithEmbedding(Finish(indices.ToArray(), values.ToArray()), text);
        // Encoder dimensions come from the whole sentence, not from tokens.
        for (int k = occurrences.Count; k < vector.Count; k++) occurrences.Add([]);
        return new FeaturizedText(text, tokens, vector, occurrences);
    }

    /// <summary>
    /// Per-thread buffers of the fast path. <see cref="Position"/> maps a feature id to its place in
    /// <see cref="Distinct"/> (−1 when unseen in the current text) and is reset after every text.
    /// </summary>
    private sealed class Scratch(NgramGenerator generator, int featureCount)
    {
        public NgramGenerator Generator { get; } = generator;
        public int[] Position { get; } = CreatePositions(featureCount);
        public List<int> Distinct { get; } = new(512);
        public List<int> Counts { get; } = new(512);
        public int[] SortBuffer { get; set; } = new int[512];

        private static int[] CreatePositions(int count)
        {
            var positions = new int[count];
            Array.Fill(positions, -1);
            return positions;
        }
    }

    private readonly struct HashIdSink(NgramHashTable table, Scratch scratch) : INgramHashSink
    {
        public void Accept(ulong hash)
        {
            if (!table.TryGet(hash, out int id)) return;
            int at = scratch.Position[id];
            if (at >= 0)
            {
                scratch.Counts[at]++;
                return;
            }
            scratch.Position[id] = scratch.Distinct.Count;
            scratch.Distinct.Add(id);
            scratch.Counts.Add(1);
        }
    }

    private readonly struct OccurrenceSink(
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> words,
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> chars,
        List<(int Feature, FeatureOccurrence Occurrence)> hits) : INgramSink
    {
        public void Accept(ReadOnlySpan<char> key, bool isChar, int firstToken, int lastToken)
        {
            if ((isChar ? chars : words).TryGetValue(key, out int id)) hits.Add((id, new FeatureOccurrence(firstToken, lastToken)));
        }
    }

    // Most n-grams occur once in a sentence, where both tf forms are 1: skip the logarithm (same bits).
    private double Weight(int feature, int count) =>
        count == 1 ? _idf[feature] : (Options.SublinearTf ? 1.0 + Math.Log(count) : count) * _idf[feature];

    /// <summary>
    /// <paramref name="vector"/> (this featurizer's) with its encoder block replaced by the embedding
    /// of <paramref name="text"/>: what occlusion explanations feed the classifier.
    /// </summary>
    public SparseVector WithEmbeddingOf(SparseVector vector, string text)
    {
        ArgumentNullException.ThrowIfNull(vector);
        ArgumentNullException.ThrowIfNull(text);
        if (_encoder is null) return vector;
        int ngrams = 0;
        while (ngrams < vector.Count && vector.Indices[ngrams] < _names.Length) ngrams++;
        return WithEmbedding(new SparseVector(vector.Indices[..ngrams].ToArray(), vector.Values[..ngrams].ToArray()), text);
    }

    /// <summary>The n-gram vector followed by the sentence's embedding (its zero entries left out), or the n-gram vector alone.</summary>
    private SparseVector WithEmbedding(SparseVector ngrams, string text)
    {
        if (_encoder is null) return ngrams;
        var embedding = SentenceEncoders.Embed(_encoder, text);
        int nonZero = embedding.Count(v => v != 0f);
        var indices = new int[ngrams.Count + nonZero];
        var values = new float[indices.Length];
        ngrams.Indices.CopyTo(indices);
        ngrams.Values.CopyTo(values);
        int at = ngrams.Count;
        for (int d = 0; d < embedding.Length; d++)
        {
            if (embedding[d] == 0f) continue;
            indices[at] = _names.Length + d;
            values[at++] = embedding[d];
        }
        return new SparseVector(indices, values);
    }

    private SparseVector Finish(int[] indices, double[] values)
    {
        NormalizeBlocks(indices, values);
        var floats = new float[values.Length];
        for (int i = 0; i < floats.Length; i++) floats[i] = (float)values[i];
        return new SparseVector(indices, floats);
    }

    /// <summary>Word and character features are each scaled to unit length, then the whole vector is.</summary>
    private void NormalizeBlocks(int[] indices, double[] values)
    {
        double wordSq = 0, charSq = 0;
        for (int i = 0; i < indices.Length; i++)
        {
            if (_isChar[indices[i]]) charSq += values[i] * values[i];
            else wordSq += values[i] * values[i];
        }
        int blocks = (wordSq > 0 ? 1 : 0) + (charSq > 0 ? 1 : 0);
        if (blocks == 0) return;
        double blockScale = 1.0 / Math.Sqrt(blocks);
        double wordScale = wordSq > 0 ? blockScale / Math.Sqrt(wordSq) : 0;
        double charScale = charSq > 0 ? blockScale / Math.Sqrt(charSq) : 0;
        for (int i = 0; i < indices.Length; i++)
            values[i] *= _isChar[indices[i]] ? charScale : wordScale;
    }
}
