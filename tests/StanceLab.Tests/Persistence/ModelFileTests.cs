using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using StanceLab.Features;
using StanceLab.Learning;
using StanceLab.Modeling;
using StanceLab.Persistence;
using StanceLab.Tests.Support;

namespace StanceLab.Tests.Persistence;

/// <summary>
/// The binary model file: saving and loading give back the same model, bit for bit; writing is
/// atomic; and every unreadable file fails with a <see cref="ModelFormatException"/> whose message
/// starts with the file and says what is wrong (not found, foreign, newer, truncated, corrupted).
/// </summary>
public sealed class ModelFileTests : IDisposable
{
    private const int HeaderLength = 16;
    private const int SectionHeaderLength = 12;
    private const int HashLength = 32;

    private static readonly string[] Probes =
    [
        "Russia sent jets and advisers to the eastern army.",
        "The ministers may meet again next week, officials said.",
        "Completely unseen vocabulary here: zyxwv qqq.",
        "",
    ];

    private static readonly Lazy<StanceModel> SharedModel = new(() => TinyModel.Train());

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static StanceModel Model => SharedModel.Value;

    private static byte[] ModelBytes => ModelFile.ToBytes(Model);

    // ---- round trips ----

    [Fact]
    public void ToBytes_FromBytes_ToBytes_is_byte_identical_and_predicts_the_same()
    {
        var bytes = ModelBytes;

        var loaded = ModelFile.FromBytes(bytes, "memory");

        Assert.Equal(bytes, ModelFile.ToBytes(loaded));
        AssertSamePredictions(Model, loaded);
    }

    [Fact]
    public void A_loaded_model_keeps_its_featurizer_and_metadata()
    {
        var loaded = ModelFile.FromBytes(ModelBytes, "memory");

        Assert.Equal(Model.Featurizer.Options, loaded.Featurizer.Options);
        Assert.Equal(Model.Featurizer.FeatureNames, loaded.Featurizer.FeatureNames);
        Assert.Equal(Model.Featurizer.Idf, loaded.Featurizer.Idf);
        Assert.Equal(Model.Heads.Select(h => h.Column), loaded.Heads.Select(h => h.Column));
        Assert.Equal(Model.Heads.Select(h => h.Classifier.Classes), loaded.Heads.Select(h => h.Classifier.Classes));
        var (expected, actual) = (Model.Metadata, loaded.Metadata);
        Assert.Equal(expected.ToolVersion, actual.ToolVersion);
        Assert.Equal(expected.LabelColumns, actual.LabelColumns);
        Assert.Equal(expected.LabelSets.OrderBy(p => p.Key, StringComparer.Ordinal), actual.LabelSets.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.ClassCounts["stance"], actual.ClassCounts["stance"]);
        Assert.Equal(expected.Featurizer, actual.Featurizer);
        Assert.Equal(expected.Linear, actual.Linear);
        Assert.Equal((expected.Seed, expected.TrainingRows, expected.DataHash), (actual.Seed, actual.TrainingRows, actual.DataHash));
        Assert.Null(actual.CreatedUtc);
    }

    [Fact]
    public void Training_twice_on_the_same_data_and_seed_gives_identical_bytes()
    {
        var first = ModelFile.ToBytes(TinyModel.Train());
        var second = ModelFile.ToBytes(TinyModel.Train());

        Assert.Null(Model.Metadata.CreatedUtc);
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_creation_time_is_saved_and_read_back_exactly()
    {
        var created = new DateTimeOffset(2026, 11, 3, 14, 5, 9, TimeSpan.Zero).AddTicks(1234567);
        var model = TinyModel.Train(created);

        var bytes = ModelFile.ToBytes(model);
        var loaded = ModelFile.FromBytes(bytes, "memory");

        Assert.Equal(created, loaded.Metadata.CreatedUtc);
        Assert.Equal(TimeSpan.Zero, loaded.Metadata.CreatedUtc!.Value.Offset);
        Assert.Equal(bytes, ModelFile.ToBytes(loaded));
        Assert.NotEqual(ModelBytes, bytes);
    }

    // ---- writing ----

    [Fact]
    public void Write_then_Read_gives_the_same_bytes_and_predictions()
    {
        var path = _temp.Combine("news.stancelab");

        ModelFile.Write(Model, path);
        var loaded = ModelFile.Read(path);

        Assert.Equal(ModelBytes, File.ReadAllBytes(path));
        AssertSamePredictions(Model, loaded);
    }

    [Fact]
    public void Write_accepts_a_file_name_near_the_file_system_limit()
    {
        var path = _temp.Combine(new string('m', 240) + ".stancelab");

        ModelFile.Write(Model, path);

        Assert.Equal(ModelBytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void Reading_a_directory_says_it_is_a_directory()
    {
        var error = Assert.Throws<ModelFormatException>(() => ModelFile.Read(_temp.Path));
        Assert.Contains("is a directory", error.Message);
    }

    [Fact]
    public void Write_creates_missing_folders_and_leaves_no_temporary_file_behind()
    {
        ModelFile.Write(Model, _temp.Combine("models", "2026", "news.stancelab"));
        ModelFile.Write(Model, _temp.Combine("models", "2026", "news.stancelab"));

        Assert.Equal(["models", "models/2026", "models/2026/news.stancelab"], _temp.Entries());
    }

    [Fact]
    public void Write_removes_what_a_killed_write_to_the_same_path_left_and_nothing_else()
    {
        var path = _temp.Combine("news.stancelab");
        var prefix = ModelFile.TemporaryPrefix(Path.GetFullPath(path));
        var stale = _temp.Combine(prefix + "0123456789abcdef.tmp");
        var recent = _temp.Combine(prefix + "fedcba9876543210.tmp");
        var otherTarget = _temp.Combine(ModelFile.TemporaryPrefix(Path.GetFullPath(_temp.Combine("other.stancelab"))) + "00.tmp");
        foreach (var f in new[] { stale, recent, otherTarget }) File.WriteAllBytes(f, [1, 2, 3]);
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow - ModelFile.StaleAfter - TimeSpan.FromMinutes(1));
        File.SetLastWriteTimeUtc(otherTarget, DateTime.UtcNow - TimeSpan.FromDays(1));

        ModelFile.Write(Model, path);

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(recent), "a recent temporary may belong to a write still under way");
        Assert.True(File.Exists(otherTarget), "another model's temporary is not this write's business");
    }

    [Theory]
    [InlineData(4)]  // the first section's length field, high bytes
    [InlineData(0)]  // its tag
    public void A_damaged_section_header_is_called_corrupted_with_its_offset_not_truncated(int byteInHeader)
    {
        var bytes = ModelFile.ToBytes(Model);
        const int firstSectionHeader = 16;
        bytes[firstSectionHeader + byteInHeader + (byteInHeader == 4 ? 7 : 0)] ^= 0x5A;

        var error = Assert.Throws<ModelFormatException>(() => ModelFile.FromBytes(bytes, "flipped.stancelab"));

        Assert.Contains("corrupted: the header of section 1 at byte offset 16 is damaged", error.Message);
    }

    [Fact]
    public void Write_replaces_an_existing_file_by_moving_a_new_one_into_place()
    {
        // A reader that opened the old model keeps reading the old bytes: the file was replaced by a
        // rename of a fully written temporary, never truncated and rewritten in place.
        var path = _temp.Combine("news.stancelab");
        var oldBytes = ModelFile.ToBytes(TinyModel.Train(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        File.WriteAllBytes(path, oldBytes);
        using var openReader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        ModelFile.Write(Model, path);

        Assert.Equal(ModelBytes, File.ReadAllBytes(path));
        using var stillOld = new MemoryStream();
        openReader.CopyTo(stillOld);
        Assert.Equal(oldBytes, stillOld.ToArray());
        Assert.Equal(["news.stancelab"], _temp.Entries());
    }

    [Fact]
    public void Write_under_an_existing_file_throws_and_leaves_other_models_untouched()
    {
        var earlier = _temp.Combine("models", "earlier.stancelab");
        ModelFile.Write(Model, earlier);
        var earlierBytes = File.ReadAllBytes(earlier);
        _temp.WriteText("blocker", "a file where a folder is needed");
        var before = _temp.Entries();

        Assert.ThrowsAny<IOException>(() => ModelFile.Write(Model, _temp.Combine("blocker", "sub", "news.stancelab")));

        Assert.Equal(earlierBytes, File.ReadAllBytes(earlier));
        Assert.Equal(before, _temp.Entries());
    }

    [Fact]
    public void When_Write_fails_an_existing_model_at_the_target_path_is_unchanged()
    {
        var path = _temp.Combine("news.stancelab");
        ModelFile.Write(Model, path);
        var before = File.ReadAllBytes(path);
        var unsavable = new StanceModel(Model.Featurizer, [new ModelHead("topic", new UnsavableClassifier(Model.Featurizer.FeatureCount))], Model.Metadata);

        var error = Assert.Throws<NotSupportedException>(() => ModelFile.Write(unsavable, path));

        Assert.Contains("'topic'", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["news.stancelab"], _temp.Entries());
    }

    [Fact]
    public void When_the_final_move_fails_the_temporary_file_is_removed()
    {
        // The target is a folder, so the model is written to its temporary and only the move fails.
        var target = _temp.CreateDirectory("news.stancelab");

        Assert.ThrowsAny<IOException>(() => ModelFile.Write(Model, target));

        Assert.Equal(["news.stancelab"], _temp.Entries());
    }

    // ---- reading what cannot be read ----

    [Fact]
    public void A_missing_file_says_not_found()
    {
        var path = _temp.Combine("missing.stancelab");

        var error = ReadFails(path);

        Assert.Contains("not found", error.Problem, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[]> ForeignFiles => new()
    {
        { "png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1] },
        { "zip", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x21, 0x00, 0x00, 0x00, 0x00, 0x00] },
        { "text", Encoding.UTF8.GetBytes("id\tsource\ttext\ttopic\tstance\ns1\ta\tHello.\tother\treport\n") },
        { "short", "STANCE"u8.ToArray() },
        { "empty", [] },
    };

    [Theory]
    [MemberData(nameof(ForeignFiles))]
    public void A_foreign_file_says_it_is_not_a_model_file(string kind, byte[] content)
    {
        var path = _temp.WriteBytes($"{kind}.stancelab", content);

        var error = ReadFails(path);

        Assert.Contains("not a StanceLab model file", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("after the magic", "ends inside its header")]
    [InlineData("before the section count", "ends inside its header")]
    [InlineData("after the header", "before the header of section 1")]
    [InlineData("inside the META section header", "before the header of section 1")]
    [InlineData("inside META", "section 1 (META)")]
    [InlineData("inside FEAT", "section 2 (FEAT)")]
    [InlineData("inside the last HEAD", "section 4 (HEAD)")]
    [InlineData("inside TEXT", "section 5 (TEXT)")]
    [InlineData("just before the checksum", "checksum")]
    [InlineData("inside the checksum", "checksum")]
    public void A_truncated_file_says_truncated_and_where(string cut, string where)
    {
        var bytes = ModelBytes;
        var sections = Sections(bytes);
        int length = cut switch
        {
            "after the magic" => 8,
            "before the section count" => 12,
            "after the header" => HeaderLength,
            "inside the META section header" => sections[0].HeaderOffset + 6,
            "inside META" => sections[0].PayloadOffset + sections[0].Length / 2,
            "inside FEAT" => sections[1].PayloadOffset + sections[1].Length / 2,
            "inside the last HEAD" => sections[3].PayloadOffset + sections[3].Length - 1,
            "inside TEXT" => sections[4].PayloadOffset + sections[4].Length / 2,
            "just before the checksum" => bytes.Length - HashLength,
            "inside the checksum" => bytes.Length - 1,
            _ => throw new ArgumentOutOfRangeException(nameof(cut)),
        };
        var path = _temp.WriteBytes("cut.stancelab", bytes[..length]);

        var error = ReadFails(path);

        Assert.StartsWith("truncated", error.Problem, StringComparison.Ordinal);
        Assert.Contains(where, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tiny_model_has_the_sections_the_truncation_cases_expect()
    {
        Assert.Equal(["META", "FEAT", "HEAD", "HEAD", "TEXT"], Sections(ModelBytes).Select(s => s.Tag));
    }

    [Theory]
    [InlineData("META")]
    [InlineData("FEAT")]
    [InlineData("first HEAD")]
    [InlineData("last HEAD")]
    [InlineData("TEXT")]
    [InlineData("reserved field")]
    [InlineData("checksum")]
    public void A_flipped_byte_fails_the_checksum(string where)
    {
        var bytes = ModelBytes;
        var sections = Sections(bytes);
        int Middle(int s) => sections[s].PayloadOffset + sections[s].Length / 2;
        int offset = where switch
        {
            "META" => Middle(0),
            "FEAT" => Middle(1),
            "first HEAD" => Middle(2),
            "last HEAD" => Middle(3),
            "TEXT" => Middle(4),
            "reserved field" => 10,
            "checksum" => bytes.Length - 1,
            _ => throw new ArgumentOutOfRangeException(nameof(where)),
        };
        bytes[offset] ^= 0x01;
        var path = _temp.WriteBytes("flipped.stancelab", bytes);

        var error = ReadFails(path);

        Assert.StartsWith("corrupted: checksum mismatch", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_after_the_checksum_are_corruption()
    {
        var path = _temp.WriteBytes("extra.stancelab", [.. ModelBytes, 0x00]);

        var error = ReadFails(path);

        Assert.StartsWith("corrupted", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_newer_format_version_says_newer_even_with_a_valid_checksum()
    {
        var bytes = ModelBytes;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)(ModelFile.FormatVersion + 1));
        Resign(bytes);
        var path = _temp.WriteBytes("future.stancelab", bytes);

        var error = ReadFails(path);

        Assert.Contains("newer", error.Problem, StringComparison.Ordinal);
        Assert.Contains($"format version {ModelFile.FormatVersion + 1}", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_version_0_is_corruption()
    {
        var bytes = ModelBytes;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 0);
        Resign(bytes);
        var path = _temp.WriteBytes("zero.stancelab", bytes);

        var error = ReadFails(path);

        Assert.StartsWith("corrupted", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_vocabulary_entries_with_the_same_hash_are_a_model_format_error_naming_the_feature()
    {
        // The lookup keys features by a 64-bit hash; a file whose vocabulary repeats a name has two
        // entries with the same hash, the state a real collision would leave.
        var bytes = ModelBytes;
        var feat = Sections(bytes).Single(s => s.Tag == "FEAT");
        using var reader = new BinaryReader(new MemoryStream(bytes, feat.PayloadOffset, feat.Length), Encoding.UTF8);
        reader.ReadString();
        int count = reader.ReadInt32();
        var entries = new List<(string Name, int Offset)>();
        for (int j = 0; j < count; j++)
        {
            int offset = feat.PayloadOffset + (int)reader.BaseStream.Position;
            entries.Add((reader.ReadString(), offset));
            reader.ReadSingle();
        }
        var (first, second) = entries.SelectMany((a, i) => entries.Skip(i + 1).Where(b => Encoding.UTF8.GetByteCount(b.Name) == Encoding.UTF8.GetByteCount(a.Name) && Encoding.UTF8.GetByteCount(a.Name) < 128 && b.Name != a.Name).Select(b => (a, b))).First();
        Encoding.UTF8.GetBytes(first.Name).CopyTo(bytes, second.Offset + 1);
        Resign(bytes);

        var error = Assert.Throws<ModelFormatException>(() => ModelFile.FromBytes(bytes, "memory"));

        Assert.Contains("FEAT", error.Problem, StringComparison.Ordinal);
        Assert.Contains(first.Name, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_training_sentences_fingerprints_are_saved_and_read_back()
    {
        var loaded = ModelFile.FromBytes(ModelBytes, "memory");

        Assert.Equal(Model.TrainingTexts.Values, loaded.TrainingTexts.Values);
        Assert.True(loaded.TrainingTexts.Count > 20);
        var trainingSentence = SampleCorpus.Rows(sources: 1)[3].Text;
        Assert.True(loaded.TrainingTexts.Contains("  " + trainingSentence.Replace(" ", "   ", StringComparison.Ordinal) + "\n"));
        Assert.False(loaded.TrainingTexts.Contains(trainingSentence + " Indeed."));
    }

    [Fact]
    public void A_calibrated_model_keeps_its_temperatures_and_needs_format_6()
    {
        var calibrated = StanceLab.Evaluation.ModelCalibration.WithTemperatures(Model,
            [new StanceLab.Evaluation.HeadCalibration("stance", 1.7, 0, 0, 0, 0)]);

        var bytes = ModelFile.ToBytes(calibrated);
        var loaded = ModelFile.FromBytes(bytes, "memory");

        Assert.Equal(6, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)));
        Assert.Contains("TEMP", Sections(bytes).Select(s => s.Tag));
        var stance = Assert.IsType<TemperatureScaledClassifier>(loaded.Head("stance").Classifier);
        Assert.Equal(1.7, stance.Temperature);
        Assert.IsNotType<TemperatureScaledClassifier>(loaded.Head("topic").Classifier);
        AssertSamePredictions(calibrated, loaded);
        Assert.Equal(bytes, ModelFile.ToBytes(loaded));
        Assert.True(BinaryPrimitives.ReadUInt16LittleEndian(ModelBytes.AsSpan(8)) < 6);
    }

    [Fact]
    public void An_unknown_section_from_a_later_minor_addition_is_skipped()
    {
        var bytes = ModelBytes;
        var body = bytes[..^HashLength];
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(12), BinaryPrimitives.ReadUInt32LittleEndian(body.AsSpan(12)) + 1);
        byte[] payload = [1, 2, 3, 4, 5];
        var extra = new byte[SectionHeaderLength + payload.Length];
        "XTRA"u8.CopyTo(extra);
        BinaryPrimitives.WriteUInt64LittleEndian(extra.AsSpan(4), (ulong)payload.Length);
        payload.CopyTo(extra, SectionHeaderLength);
        byte[] extended = [.. body, .. extra, .. new byte[HashLength]];
        Resign(extended);

        var loaded = ModelFile.FromBytes(extended, "memory");

        Assert.Equal(bytes, ModelFile.ToBytes(loaded));
    }

    [Fact]
    public void FromBytes_names_the_source_it_is_given()
    {
        var error = Assert.Throws<ModelFormatException>(() => ModelFile.FromBytes("nope"u8.ToArray(), "upload #7"));

        Assert.StartsWith("upload #7: not a StanceLab model file", error.Message, StringComparison.Ordinal);
        Assert.Equal("upload #7", error.File);
    }

    // ---- helpers ----

    /// <summary>Reads <paramref name="path"/> expecting failure; the message is "path: problem".</summary>
    private static ModelFormatException ReadFails(string path)
    {
        var error = Assert.Throws<ModelFormatException>(() => ModelFile.Read(path));
        Assert.Equal(path, error.File);
        Assert.Equal($"{path}: {error.Problem}", error.Message);
        return error;
    }

    private static void AssertSamePredictions(StanceModel expected, StanceModel actual)
    {
        foreach (var text in Probes)
        {
            var x = expected.Featurizer.Transform(text);
            var y = actual.Featurizer.Transform(text);
            Assert.Equal(x.Indices.ToArray(), y.Indices.ToArray());
            Assert.Equal(x.Values.ToArray(), y.Values.ToArray());
            for (int h = 0; h < expected.Heads.Count; h++)
            {
                var p = new double[expected.Heads[h].Classifier.Classes.Count];
                var q = new double[p.Length];
                expected.Heads[h].Classifier.PredictProbabilities(x, p);
                actual.Heads[h].Classifier.PredictProbabilities(y, q);
                Assert.Equal(p, q);
            }
        }
    }

    /// <summary>The sections of a model file as laid out by <see cref="ModelFile"/>'s documented format.</summary>
    private static List<(string Tag, int HeaderOffset, int PayloadOffset, int Length)> Sections(byte[] bytes)
    {
        var sections = new List<(string, int, int, int)>();
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12));
        int at = HeaderLength;
        for (uint s = 0; s < count; s++)
        {
            string tag = Encoding.ASCII.GetString(bytes, at, 4);
            int length = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(at + 4)));
            sections.Add((tag, at, at + SectionHeaderLength, length));
            at += SectionHeaderLength + length;
        }
        Assert.Equal(bytes.Length - HashLength, at);
        return sections;
    }

    /// <summary>Recomputes the SHA-256 trailer so that only the deliberate change is wrong.</summary>
    private static void Resign(byte[] bytes) =>
        SHA256.HashData(bytes.AsSpan(0, bytes.Length - HashLength)).CopyTo(bytes.AsSpan(bytes.Length - HashLength));

    /// <summary>A classifier kind the model file does not know how to save.</summary>
    private sealed class UnsavableClassifier(int featureCount) : IClassifier
    {
        public string Kind => "unsavable";
        public IReadOnlyList<string> Classes { get; } = ["a", "b"];
        public int FeatureCount { get; } = featureCount;
        public void PredictProbabilities(SparseVector features, Span<double> probabilities) => probabilities.Fill(0.5);
        public Explanation Explain(SparseVector features, int classIndex) => new(classIndex, 0, [], 0);
    }

    /// <summary>A tiny, quick model: SampleCorpus's 24 hand-labelled sentences, two heads, every feature kept.</summary>
    private static class TinyModel
    {
        public static StanceModel Train(DateTimeOffset? createdUtc = null) =>
            ModelTrainer.Train(SampleCorpus.Rows(sources: 1), new TrainingOptions
            {
                LabelColumns = ["topic", "stance"],
                Featurizer = new FeaturizerOptions { MinDocumentFrequency = 1 },
                Seed = 7,
                CreatedUtc = createdUtc,
            });
    }
}
