namespace StanceLab.Features;

/// <summary>Fits a <see cref="FittedFeaturizer"/>: the vocabulary and idf of a training corpus.</summary>
public static class Featurizer
{
    /// <summary>Below this many texts per part, counting in parallel costs more than it saves.</summary>
    private const int TextsPerPart = 2000;

    public static FittedFeaturizer Fit(IReadOnlyList<string> texts, FeaturizerOptions options, IProgress<double>? progress = null) =>
        Fit(texts, options, progress, Environment.ProcessorCount);

    /// <summary>As <see cref="Fit(IReadOnlyList{string}, FeaturizerOptions, IProgress{double}?)"/>, counting in at most <paramref name="maxParts"/> parts.</summary>
    internal static FittedFeaturizer Fit(IReadOnlyList<string> texts, FeaturizerOptions options, IProgress<double>? progress, int maxParts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (texts.Count == 0) throw new ArgumentException("Cannot fit a featurizer on no texts.", nameof(texts));

        // Each part counts its own contiguous range of texts; document frequencies of disjoint
        // ranges add up, and the vocabulary is sorted by name, so the result does not depend on
        // how many parts there are.
        int parts = Math.Clamp(texts.Count / TextsPerPart, 1, Math.Max(1, maxParts));
        var tables = new DocumentFrequencyTable[parts];
        int done = 0, reportEvery = Math.Max(1, texts.Count / 100);
        Parallel.For(0, parts, part =>
        {
            int start = (int)((long)texts.Count * part / parts), end = (int)((long)texts.Count * (part + 1) / parts);
            var table = new DocumentFrequencyTable();
            var generator = new NgramGenerator(options);
            var sink = new DocumentFrequencySink(table);
            for (int d = start; d < end; d++)
            {
                sink.Document = d;
                generator.Load(texts[d]);
                generator.Generate(ref sink);
                int n = Interlocked.Increment(ref done);
                if (progress is not null && n % reportEvery == 0) progress.Report((double)n / texts.Count);
            }
            tables[part] = table;
        });
        for (int part = 1; part < parts; part++) tables[0].Add(tables[part]);

        var kept = new List<(string Name, int Frequency)>();
        foreach (var entry in tables[0].Entries)
        {
            if (entry.Count >= options.MinDocumentFrequency)
                kept.Add((entry.IsChar ? NgramGenerator.CharPrefix + entry.Key : entry.Key, entry.Count));
        }
        kept.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var names = new string[kept.Count];
        var idf = new float[kept.Count];
        int total = texts.Count;
        for (int j = 0; j < kept.Count; j++)
        {
            names[j] = kept[j].Name;
            int df = kept[j].Frequency;
            idf[j] = (float)(options.SmoothIdf ? Math.Log((1.0 + total) / (1.0 + df)) + 1.0 : Math.Log((double)total / df) + 1.0);
        }
        progress?.Report(1.0);
        return new FittedFeaturizer(options, names, idf);
    }

    private struct DocumentFrequencySink(DocumentFrequencyTable table) : INgramSink
    {
        public int Document;

        public readonly void Accept(ReadOnlySpan<char> key, bool isChar, int firstToken, int lastToken) =>
            table.Count(key, isChar, Document);
    }

    private readonly record struct Entry(string Key, bool IsChar, int Count);

    /// <summary>
    /// Document frequencies in an open-addressing table keyed by the n-gram's 64-bit hash
    /// (<see cref="NgramHash"/>) plus an independent 32-bit check hash, with the counts inline, so a
    /// lookup touches one cache line and never a string. Two different n-grams are taken for one
    /// only if both hashes agree (about 2⁻⁹⁶ per pair); the key's text is stored once, when first seen.
    /// </summary>
    private sealed class DocumentFrequencyTable
    {
        private struct Slot
        {
            public ulong Hash;
            public uint Check;
            public int Count;
            public int LastDocument;
            public int Name; // index into _names + 1; 0 marks an empty slot
        }

        private Slot[] _slots = new Slot[1 << 14];
        private readonly List<(string Key, bool IsChar)> _names = new();
        private int _shift = 64 - 14;

        public IEnumerable<Entry> Entries
        {
            get
            {
                foreach (var slot in _slots)
                    if (slot.Name != 0) yield return new Entry(_names[slot.Name - 1].Key, _names[slot.Name - 1].IsChar, slot.Count);
            }
        }

        public void Count(ReadOnlySpan<char> key, bool isChar, int document)
        {
            ulong hash = NgramHash.Of(key, isChar ? NgramHash.CharSeed : NgramHash.WordSeed);
            uint check = CheckHash(key, isChar);
            ref var slot = ref Find(hash, check);
            if (slot.Name == 0)
            {
                _names.Add((new string(key), isChar));
                slot = new Slot { Hash = hash, Check = check, Count = 1, LastDocument = document, Name = _names.Count };
                if (_names.Count * 2 > _slots.Length) Grow();
                return;
            }
            if (slot.LastDocument == document) return;
            slot.LastDocument = document;
            slot.Count++;
        }

        /// <summary>Adds the counts of a table built over other documents.</summary>
        public void Add(DocumentFrequencyTable other)
        {
            foreach (var theirs in other._slots)
            {
                if (theirs.Name == 0) continue;
                ref var slot = ref Find(theirs.Hash, theirs.Check);
                if (slot.Name == 0)
                {
                    _names.Add(other._names[theirs.Name - 1]);
                    slot = theirs with { Name = _names.Count };
                    if (_names.Count * 2 > _slots.Length) Grow();
                    continue;
                }
                slot.Count += theirs.Count;
            }
        }

        private ref Slot Find(ulong hash, uint check)
        {
            int mask = _slots.Length - 1;
            for (int i = (int)((hash * 0x9E3779B97F4A7C15UL) >> _shift); ; i = (i + 1) & mask)
            {
                ref var slot = ref _slots[i];
                if (slot.Name == 0 || (slot.Hash == hash && slot.Check == check)) return ref slot;
            }
        }

        private void Grow()
        {
            var old = _slots;
            _slots = new Slot[old.Length * 2];
            _shift--;
            foreach (var slot in old)
            {
                if (slot.Name == 0) continue;
                Find(slot.Hash, slot.Check) = slot;
            }
        }

        /// <summary>FNV-1a over 32 bits with a different seed: independent of the 64-bit key hash.</summary>
        private static uint CheckHash(ReadOnlySpan<char> key, bool isChar)
        {
            uint hash = isChar ? 0x9747B28Cu : 0x811C9DC5u;
            foreach (var c in key) hash = (hash ^ c) * 16777619u;
            return hash;
        }
    }
}
