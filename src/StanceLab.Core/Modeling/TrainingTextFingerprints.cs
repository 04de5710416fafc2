using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace StanceLab.Modeling;

/// <summary>
/// A 64-bit fingerprint of every distinct sentence a model was trained on, so an evaluation can
/// say when its rows overlap the training data (their scores would overstate accuracy). Texts are
/// compared after trimming and collapsing runs of white space, nothing else: a sentence with one
/// word changed is a different sentence. The fingerprint is the first 8 bytes of the text's
/// SHA-256, so it is the same on every machine and build; at 10^5 sentences the chance that an
/// unseen sentence matches one by accident is about 10^-14.
/// </summary>
public sealed class TrainingTextFingerprints
{
    private readonly ulong[] _sorted;

    private TrainingTextFingerprints(ulong[] sorted) => _sorted = sorted;

    /// <summary>No fingerprints: a model written before they were kept.</summary>
    public static TrainingTextFingerprints None { get; } = new([]);

    public int Count => _sorted.Length;

    /// <summary>The fingerprints in ascending order, as the model file stores them.</summary>
    public IReadOnlyList<ulong> Values => _sorted;

    public static TrainingTextFingerprints Of(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return new TrainingTextFingerprints(texts.Select(Of).Distinct().Order().ToArray());
    }

    /// <summary>Fingerprints read back from a model file; they must be strictly ascending.</summary>
    public static TrainingTextFingerprints FromSorted(IReadOnlyList<ulong> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        for (int i = 1; i < values.Count; i++)
            if (values[i] <= values[i - 1])
                throw new ArgumentException($"training-text fingerprints are not strictly ascending at entry {i}", nameof(values));
        return new TrainingTextFingerprints(values.ToArray());
    }

    public bool Contains(string text) => Array.BinarySearch(_sorted, Of(text)) >= 0;

    private static ulong Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalized), hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }
}
