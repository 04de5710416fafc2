namespace StanceLab.Features;

/// <summary>
/// 64-bit FNV-1a hashes of n-gram keys, rolled one character at a time so every n-gram starting at
/// a position costs one step per character. Words and character n-grams hash from different seeds,
/// so the two key spaces never meet.
/// </summary>
internal static class NgramHash
{
    public const ulong WordSeed = 14695981039346656037UL;
    public const ulong CharSeed = WordSeed ^ 0x9E3779B97F4A7C15UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Step(ulong hash, char c) => (hash ^ c) * Prime;

    public static ulong Of(ReadOnlySpan<char> key, ulong seed)
    {
        ulong hash = seed;
        foreach (var c in key) hash = Step(hash, c);
        return hash;
    }
}

/// <summary>
/// The vocabulary as an open-addressing table from 64-bit key hash to feature id: a lookup is one
/// multiply and, usually, one probe, with no string comparison. Two different n-grams share a
/// 64-bit hash with probability about 2⁻⁶⁴ per pair; a vocabulary whose own keys collide is
/// refused when the table is built, and a text n-gram outside the vocabulary that collides with
/// a vocabulary key (about V / 2⁶⁴ per lookup, 10⁻¹⁴ for a million features) would count as it.
/// </summary>
internal sealed class NgramHashTable
{
    // Key and value side by side: a probe reads one cache line, not one in each of two arrays.
    private struct Slot
    {
        public ulong Key;
        public int Value;
    }

    private readonly Slot[] _slots;
    private readonly int _shift;
    private readonly int _mask;

    public NgramHashTable(int count)
    {
        int capacity = 16;
        while (capacity < count * 2) capacity *= 2;
        _slots = new Slot[capacity];
        Array.Fill(_slots, new Slot { Value = -1 });
        _mask = capacity - 1;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
    }

    private int Home(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    public void Add(ulong key, int value, string name)
    {
        for (int i = Home(key); ; i = (i + 1) & _mask)
        {
            ref var slot = ref _slots[i];
            if (slot.Value < 0)
            {
                slot.Key = key;
                slot.Value = value;
                return;
            }
            if (slot.Key == key)
                throw new ArgumentException($"feature '{name}' has the same 64-bit hash as feature {slot.Value}; the vocabulary cannot use the hashed lookup");
        }
    }

    public bool TryGet(ulong key, out int value)
    {
        for (int i = Home(key); ; i = (i + 1) & _mask)
        {
            ref readonly var slot = ref _slots[i];
            if (slot.Value < 0) { value = -1; return false; }
            if (slot.Key == key) { value = slot.Value; return true; }
        }
    }
}
