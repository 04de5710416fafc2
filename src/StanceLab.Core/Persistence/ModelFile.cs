using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using StanceLab.Features;
using StanceLab.Learning;
using StanceLab.Learning.Linear;
using StanceLab.Learning.Trees;
using StanceLab.Modeling;

namespace StanceLab.Persistence;

/// <summary>
/// Reads and writes the single binary model file.
///
/// Layout (little-endian; strings are BinaryWriter's 7-bit-length-prefixed UTF-8):
/// <code>
///   bytes 0-7   magic "STANCELB"
///   uint16      format version
///   uint16      reserved, 0
///   uint32      section count
///   per section: 4 ASCII bytes tag, uint64 payload length, payload
///   32 bytes    SHA-256 of every byte before it
/// </code>
/// Sections, in this order:
/// <list type="bullet">
/// <item>META: UTF-8 JSON of <see cref="ModelMetadata"/>.</item>
/// <item>FEAT: featurizer options as JSON (string), int32 feature count, then per feature its name (string) and idf (float32).</item>
/// <item>HEAD, once per head: column (string), kind (string), then for kind "linear": int32 class count,
///   class names (strings), int32 feature count, float32 weights (feature-major, count × classes),
///   float64 biases (classes); for kind "nb-linear": int32 feature count, float32 log-count ratios,
///   then the "linear" payload; for kind "trees": int32 class count, class names (strings), int32
///   feature count, float64 base scores (classes), int32 rounds, then per class and round one tree:
///   int32 node count, then per node int32 feature (−1 for a leaf), float32 threshold, int32 left,
///   int32 right, float64 value, float64 cover. A stacked head writes kind "stacked", int32 base
///   count, per base its column (string), int32 class count, class names, kind and payload as above,
///   then int32 meta-feature count and their names, then its own classifier's kind and payload.</item>
/// <item>TEMP (version 6; only when a head is calibrated): int32 count, then per calibrated head its
///   column (string) and its temperature (float64); that head's probabilities are temperature-scaled
///   (<see cref="TemperatureScaledClassifier"/>; its HEAD section holds the unscaled classifier).</item>
/// <item>TEXT (optional; skipped by builds that predate it): int32 count, then that many uint64
///   fingerprints of the training sentences, strictly ascending (<see cref="TrainingTextFingerprints"/>).</item>
/// </list>
/// A file carries the lowest version that can hold it, so older builds still read what they can.
/// Version history:
/// <list type="bullet">
/// <item>1 (2026-11): first version.</item>
/// <item>2 (2026-11): head kind "nb-linear" (NB-weighted logistic regression).</item>
/// <item>3 (2026-11): head kind "trees" (gradient-boosted trees).</item>
/// <item>4 (2026-11): stacked heads (kind "stacked").</item>
/// <item>5 (2026-12): a sentence encoder in the featurizer options ("encoder": "miniLm"); its
///   embedding dimensions follow the FEAT section's n-grams as features (the encoder itself comes
///   from a package, never from the file).</item>
/// <item>6 (2026-12): calibrated heads (TEMP section); a build that read version 5 would ignore
///   the temperatures and print uncalibrated probabilities, so it must refuse the file.</item>
/// </list>
/// </summary>
public static class ModelFile
{
    public const ushort FormatVersion = 6;
    private static readonly byte[] Magic = "STANCELB"u8.ToArray();
    private const int HashLength = 32;
    private const int HeaderLength = 8 + 2 + 2 + 4;

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Writes to a temporary file beside <paramref name="path"/> and moves it into place, so a failure never leaves a half-written model.</summary>
    public static void Write(StanceModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var bytes = ToBytes(model);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        // A short fixed-length name (the target's own name may already be near the file system's
        // limit) that still says which target it was for, so a run killed mid-write can be cleaned up.
        var prefix = TemporaryPrefix(full);
        RemoveStaleTemporaries(directory, prefix);
        var temporary = Path.Combine(directory, $"{prefix}{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>How old a temporary file of the same target must be to count as left by a killed run (a write takes well under a second).</summary>
    internal static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    /// <summary>The start of every temporary file name <see cref="Write"/> uses for the model at <paramref name="fullPath"/>.</summary>
    internal static string TemporaryPrefix(string fullPath) =>
        $".stancelab-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fullPath)).AsSpan(0, 4))}-";

    private static void RemoveStaleTemporaries(string directory, string prefix)
    {
        foreach (var stale in Directory.EnumerateFiles(directory, prefix + "*.tmp"))
        {
            try
            {
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(stale) > StaleAfter) File.Delete(stale);
            }
            catch (IOException)
            {
                // Another process may be removing it too; it is only a leftover.
            }
        }
    }

    public static byte[] ToBytes(StanceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var sections = new List<(string Tag, byte[] Payload)>
        {
            ("META", JsonSerializer.SerializeToUtf8Bytes(model.Metadata, Json)),
            ("FEAT", WriteFeaturizer(model.Featurizer)),
        };
        sections.AddRange(model.Heads.Select(h => ("HEAD", WriteHead(h))));
        if (model.Heads.Any(h => h.Classifier is TemperatureScaledClassifier)) sections.Add(("TEMP", WriteTemperatures(model.Heads)));
        if (model.TrainingTexts.Count > 0) sections.Add(("TEXT", WriteFingerprints(model.TrainingTexts)));

        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(VersionNeeded(model));
            writer.Write((ushort)0);
            writer.Write((uint)sections.Count);
            foreach (var (tag, payload) in sections)
            {
                writer.Write(Encoding.ASCII.GetBytes(tag));
                writer.Write((ulong)payload.Length);
                writer.Write(payload);
            }
        }
        var hash = SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        buffer.Write(hash);
        return buffer.ToArray();
    }

    /// <summary>The lowest format version that can hold the model's heads.</summary>
    private static ushort VersionNeeded(StanceModel model) =>
        model.Heads.Any(h => h.Classifier is TemperatureScaledClassifier) ? (ushort)6
        : model.Featurizer.Options.Encoder != Encoders.SentenceEncoderKind.None ? (ushort)5
        : model.Heads.Any(h => h.IsStacked) ? (ushort)4
        : model.Heads.Any(h => h.Classifier is TreeEnsembleClassifier) ? (ushort)3
        : model.Heads.Any(h => h.Classifier is NaiveBayesLinearClassifier) ? (ushort)2
        : (ushort)1;

    public static StanceModel Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path)) throw new ModelFormatException(path, "is a directory, not a model file");
        if (!File.Exists(path)) throw new ModelFormatException(path, "model file not found");
        return FromBytes(File.ReadAllBytes(path), path);
    }

    public static StanceModel FromBytes(byte[] bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < Magic.Length || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new ModelFormatException(name, "not a StanceLab model file (bad magic number)");
        if (bytes.Length < HeaderLength) throw new ModelFormatException(name, "truncated: the file ends inside its header");
        ushort version = BitConverter.ToUInt16(bytes, 8);
        if (version > FormatVersion)
            throw new ModelFormatException(name, $"written by a newer StanceLab (format version {version}; this build reads up to {FormatVersion})");
        if (version == 0) throw new ModelFormatException(name, "corrupted: format version 0 does not exist");
        uint count = BitConverter.ToUInt32(bytes, 12);

        var sections = new List<(string Tag, int Offset, int Length)>();
        long at = HeaderLength;
        for (uint s = 0; s < count; s++)
        {
            if (at + 12 > bytes.Length)
                throw new ModelFormatException(name, $"truncated: the file ends before the header of section {s + 1} of {count}");
            string tag = Encoding.ASCII.GetString(bytes, (int)at, 4);
            ulong length = BitConverter.ToUInt64(bytes, (int)at + 4);
            // Tags are four capital letters and no section nears 2 GiB: anything else is damage, not truncation.
            if (!bytes.AsSpan((int)at, 4).ToArray().All(b => b is >= (byte)'A' and <= (byte)'Z') || length > int.MaxValue)
                throw new ModelFormatException(name, $"corrupted: the header of section {s + 1} at byte offset {at} is damaged (tag bytes {Convert.ToHexString(bytes, (int)at, 4)}, length {length})");
            at += 12;
            if (length > (ulong)(bytes.Length - at))
                throw new ModelFormatException(name, $"truncated: section {s + 1} ({tag}) declares {length} bytes but only {Math.Max(0, bytes.Length - at - HashLength)} remain");
            sections.Add((tag, (int)at, (int)length));
            at += (long)length;
        }
        long remaining = bytes.Length - at;
        if (remaining < HashLength) throw new ModelFormatException(name, "truncated: the checksum at the end of the file is missing");
        if (remaining > HashLength) throw new ModelFormatException(name, $"corrupted: {remaining - HashLength} unexpected bytes after the last section");
        var expected = SHA256.HashData(bytes.AsSpan(0, (int)at));
        if (!expected.AsSpan().SequenceEqual(bytes.AsSpan((int)at, HashLength)))
            throw new ModelFormatException(name, "corrupted: checksum mismatch (the file was changed or damaged after it was written)");

        return Decode(bytes, sections, name);
    }

    private static StanceModel Decode(byte[] bytes, List<(string Tag, int Offset, int Length)> sections, string name)
    {
        ModelMetadata? metadata = null;
        FittedFeaturizer? featurizer = null;
        var heads = new List<ModelHead>();
        var trainingTexts = TrainingTextFingerprints.None;
        IReadOnlyList<(string Column, double Temperature)> temperatures = [];
        foreach (var (tag, offset, length) in sections)
        {
            try
            {
                var payload = new ReadOnlySpan<byte>(bytes, offset, length);
                switch (tag)
                {
                    case "META": metadata = JsonSerializer.Deserialize<ModelMetadata>(payload, Json); break;
                    case "FEAT": featurizer = ReadFeaturizer(bytes, offset, length); break;
                    case "HEAD": heads.Add(ReadHead(bytes, offset, length)); break;
                    case "TEXT": trainingTexts = ReadFingerprints(bytes, offset, length); break;
                    case "TEMP": temperatures = ReadTemperatures(bytes, offset, length); break;
                    default: break; // A later minor addition this build does not use; the checksum already vouched for it.
                }
            }
            catch (Exception e) when (e is EndOfStreamException or JsonException or ArgumentException or IOException or NotSupportedException or FormatException)
            {
                throw new ModelFormatException(name, $"corrupted: section {tag} cannot be read ({e.Message})");
            }
        }
        if (metadata is null) throw new ModelFormatException(name, "corrupted: no META section");
        if (featurizer is null) throw new ModelFormatException(name, "corrupted: no FEAT section");
        if (heads.Count == 0) throw new ModelFormatException(name, "corrupted: no HEAD section");
        try
        {
            foreach (var (column, temperature) in temperatures)
            {
                int h = heads.FindIndex(x => x.Column == column);
                if (h < 0) throw new ModelFormatException(name, $"corrupted: section TEMP calibrates head '{column}', which the model does not have");
                heads[h] = heads[h] with { Classifier = new TemperatureScaledClassifier(heads[h].Classifier, temperature) };
            }
            return new StanceModel(featurizer, heads, metadata) { TrainingTexts = trainingTexts };
        }
        catch (ArgumentException e)
        {
            throw new ModelFormatException(name, $"corrupted: {e.Message}");
        }
    }

    private static byte[] WriteFeaturizer(FittedFeaturizer featurizer)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(JsonSerializer.Serialize(featurizer.Options, Json));
            writer.Write(featurizer.NgramCount);
            for (int j = 0; j < featurizer.NgramCount; j++)
            {
                writer.Write(featurizer.FeatureNames[j]);
                writer.Write(featurizer.Idf[j]);
            }
        }
        return buffer.ToArray();
    }

    private static byte[] WriteTemperatures(IReadOnlyList<ModelHead> heads)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            var scaled = heads.Where(h => h.Classifier is TemperatureScaledClassifier).ToArray();
            writer.Write(scaled.Length);
            foreach (var head in scaled)
            {
                writer.Write(head.Column);
                writer.Write(((TemperatureScaledClassifier)head.Classifier).Temperature);
            }
        }
        return buffer.ToArray();
    }

    private static IReadOnlyList<(string Column, double Temperature)> ReadTemperatures(byte[] bytes, int offset, int length)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes, offset, length, writable: false), Encoding.UTF8);
        int count = ReadCount(reader, length);
        var result = new (string, double)[count];
        for (int i = 0; i < count; i++)
        {
            string column = reader.ReadString();
            double temperature = reader.ReadDouble();
            if (!(temperature > 0) || !double.IsFinite(temperature)) throw new FormatException($"head '{column}' has temperature {temperature}");
            result[i] = (column, temperature);
        }
        if (reader.BaseStream.Position != length) throw new FormatException("the TEMP section has bytes after its last temperature");
        return result;
    }

    private static byte[] WriteFingerprints(TrainingTextFingerprints fingerprints)
    {
        var payload = new byte[4 + 8 * fingerprints.Count];
        BinaryPrimitives.WriteInt32LittleEndian(payload, fingerprints.Count);
        for (int i = 0; i < fingerprints.Count; i++) BinaryPrimitives.WriteUInt64LittleEndian(payload.AsSpan(4 + 8 * i), fingerprints.Values[i]);
        return payload;
    }

    private static TrainingTextFingerprints ReadFingerprints(byte[] bytes, int offset, int length)
    {
        int count = length >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset)) : throw new EndOfStreamException("the TEXT section is shorter than its count");
        if (count < 0 || 4 + 8L * count != length) throw new FormatException($"the TEXT section declares {count} fingerprints in {length} bytes");
        var values = new ulong[count];
        for (int i = 0; i < count; i++) values[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(offset + 4 + 8 * i));
        return TrainingTextFingerprints.FromSorted(values);
    }

    private static FittedFeaturizer ReadFeaturizer(byte[] bytes, int offset, int length)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes, offset, length, writable: false), Encoding.UTF8);
        var options = JsonSerializer.Deserialize<FeaturizerOptions>(reader.ReadString(), Json)
            ?? throw new JsonException("featurizer options are null");
        int count = ReadCount(reader, length);
        var names = new string[count];
        var idf = new float[count];
        for (int j = 0; j < count; j++)
        {
            names[j] = reader.ReadString();
            idf[j] = reader.ReadSingle();
        }
        return new FittedFeaturizer(options, names, idf);
    }

    private static byte[] WriteHead(ModelHead head)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(head.Column);
            if (head.Stacking is { } stacking)
            {
                writer.Write(StackedKind);
                writer.Write(stacking.Bases.Count);
                foreach (var b in stacking.Bases)
                {
                    writer.Write(b.Column);
                    writer.Write(b.Classes.Count);
                    foreach (var c in b.Classes) writer.Write(c);
                    writer.Write(b.Classifier.Kind);
                    WriteClassifier(writer, b.Classifier, head.Column);
                }
                writer.Write(SentenceMetaFeatures.Names.Count);
                foreach (var name in SentenceMetaFeatures.Names) writer.Write(name);
            }
            var classifier = head.Classifier is TemperatureScaledClassifier scaled ? scaled.Inner : head.Classifier;
            writer.Write(classifier.Kind);
            WriteClassifier(writer, classifier, head.Column);
        }
        return buffer.ToArray();
    }

    /// <summary>The kind written for a stacked head, before its base models and its own classifier.</summary>
    private const string StackedKind = "stacked";

    private static void WriteClassifier(BinaryWriter writer, IClassifier classifier, string column)
    {
        switch (classifier)
        {
            case LinearClassifier linear:
                WriteLinear(writer, linear);
                break;
            case NaiveBayesLinearClassifier nb:
                writer.Write(nb.Ratios.Length);
                foreach (var r in nb.Ratios) writer.Write(r);
                WriteLinear(writer, nb.Inner);
                break;
            case TreeEnsembleClassifier trees:
                WriteTrees(writer, trees);
                break;
            default:
                throw new NotSupportedException($"Head '{column}': cannot save a '{classifier.Kind}' classifier.");
        }
    }

    private static void WriteLinear(BinaryWriter writer, LinearClassifier linear)
    {
        writer.Write(linear.Classes.Count);
        foreach (var c in linear.Classes) writer.Write(c);
        writer.Write(linear.FeatureCount);
        foreach (var w in linear.Weights) writer.Write(w);
        foreach (var b in linear.Biases) writer.Write(b);
    }

    private static ModelHead ReadHead(byte[] bytes, int offset, int length)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes, offset, length, writable: false), Encoding.UTF8);
        string column = reader.ReadString();
        string kind = reader.ReadString();
        if (kind != StackedKind) return new ModelHead(column, ReadClassifier(reader, kind, column, length));

        int baseCount = ReadCount(reader, length);
        var bases = new StackingBase[baseCount];
        for (int b = 0; b < baseCount; b++)
        {
            string baseColumn = reader.ReadString();
            int classCount = ReadCount(reader, length);
            var classes = new string[classCount];
            for (int c = 0; c < classCount; c++) classes[c] = reader.ReadString();
            bases[b] = new StackingBase(baseColumn, classes, ReadClassifier(reader, reader.ReadString(), column, length));
        }
        int metaCount = ReadCount(reader, length);
        var meta = new string[metaCount];
        for (int m = 0; m < metaCount; m++) meta[m] = reader.ReadString();
        if (!meta.SequenceEqual(SentenceMetaFeatures.Names, StringComparer.Ordinal))
            throw new NotSupportedException($"stacked head '{column}' reads meta-features ({string.Join(", ", meta)}) that this build does not compute");
        var classifier = ReadClassifier(reader, reader.ReadString(), column, length);
        return new ModelHead(column, classifier) { Stacking = new StackingInputs(bases) };
    }

    private static IClassifier ReadClassifier(BinaryReader reader, string kind, string column, int length)
    {
        switch (kind)
        {
            case "linear":
                return ReadLinear(reader, length);
            case NaiveBayesLinearClassifier.KindName:
                int count = ReadCount(reader, length / 4);
                var ratios = new float[count];
                for (int j = 0; j < count; j++) ratios[j] = reader.ReadSingle();
                return new NaiveBayesLinearClassifier(ratios, ReadLinear(reader, length));
            case TreeEnsembleClassifier.KindName:
                return ReadTrees(reader, length);
            default:
                throw new NotSupportedException($"head '{column}' has an unknown kind '{kind}'");
        }
    }

    private static LinearClassifier ReadLinear(BinaryReader reader, int length)
    {
        int classCount = ReadCount(reader, length);
        var classes = new string[classCount];
        for (int c = 0; c < classCount; c++) classes[c] = reader.ReadString();
        int featureCount = ReadCount(reader, length);
        long weightCount = (long)featureCount * classCount;
        if (weightCount * 4 > length) throw new EndOfStreamException($"{weightCount} weights cannot fit in {length} bytes");
        var weights = new float[weightCount];
        for (long i = 0; i < weightCount; i++) weights[i] = reader.ReadSingle();
        var biases = new double[classCount];
        for (int c = 0; c < classCount; c++) biases[c] = reader.ReadDouble();
        return new LinearClassifier(classes, featureCount, weights, biases);
    }

    private static void WriteTrees(BinaryWriter writer, TreeEnsembleClassifier trees)
    {
        int k = trees.Classes.Count;
        writer.Write(k);
        foreach (var c in trees.Classes) writer.Write(c);
        writer.Write(trees.FeatureCount);
        foreach (var b in trees.BaseScores) writer.Write(b);
        writer.Write(trees.Rounds);
        for (int c = 0; c < k; c++)
        {
            foreach (var tree in trees.TreesOf(c))
            {
                writer.Write(tree.NodeCount);
                for (int i = 0; i < tree.NodeCount; i++)
                {
                    writer.Write(tree.Feature[i]);
                    writer.Write(tree.Threshold[i]);
                    writer.Write(tree.Left[i]);
                    writer.Write(tree.Right[i]);
                    writer.Write(tree.Value[i]);
                    writer.Write(tree.Cover[i]);
                }
            }
        }
    }

    private static TreeEnsembleClassifier ReadTrees(BinaryReader reader, int length)
    {
        int classCount = ReadCount(reader, length);
        var classes = new string[classCount];
        for (int c = 0; c < classCount; c++) classes[c] = reader.ReadString();
        int featureCount = reader.ReadInt32();
        if (featureCount < 0) throw new EndOfStreamException($"implausible feature count {featureCount}");
        var baseScores = new double[classCount];
        for (int c = 0; c < classCount; c++) baseScores[c] = reader.ReadDouble();
        int rounds = ReadCount(reader, length);
        if ((long)rounds * classCount > length) throw new EndOfStreamException($"{rounds} rounds of {classCount} trees cannot fit in {length} bytes");
        var perClass = new IReadOnlyList<RegressionTree>[classCount];
        for (int c = 0; c < classCount; c++)
        {
            var trees = new RegressionTree[rounds];
            for (int t = 0; t < rounds; t++)
            {
                int nodes = ReadCount(reader, length / 32);
                var feature = new int[nodes];
                var threshold = new float[nodes];
                var left = new int[nodes];
                var right = new int[nodes];
                var value = new double[nodes];
                var cover = new double[nodes];
                for (int i = 0; i < nodes; i++)
                {
                    feature[i] = reader.ReadInt32();
                    threshold[i] = reader.ReadSingle();
                    left[i] = reader.ReadInt32();
                    right[i] = reader.ReadInt32();
                    value[i] = reader.ReadDouble();
                    cover[i] = reader.ReadDouble();
                }
                trees[t] = new RegressionTree(feature, threshold, left, right, value, cover);
            }
            perClass[c] = trees;
        }
        return new TreeEnsembleClassifier(classes, featureCount, baseScores, perClass);
    }

    private static int ReadCount(BinaryReader reader, int sectionLength)
    {
        int count = reader.ReadInt32();
        if (count < 0 || count > sectionLength) throw new EndOfStreamException($"implausible count {count}");
        return count;
    }
}
