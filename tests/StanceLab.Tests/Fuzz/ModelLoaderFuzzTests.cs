using System.Security.Cryptography;
using FsCheck;
using FsCheck.Xunit;
using StanceLab.Features;
using StanceLab.Modeling;
using StanceLab.Persistence;
using StanceLab.Tests.Support;

namespace StanceLab.Tests.Fuzz;

/// <summary>
/// Whatever happens to a model file, loading it either gives a model or says, as a
/// ModelFormatException, what is wrong: never another exception, never a hang.
/// </summary>
public sealed class ModelLoaderFuzzTests
{
    private const int HashLength = 32;

    private static readonly Lazy<byte[]> TinyModel = new(() => ModelFile.ToBytes(ModelTrainer.Train(SampleCorpus.Rows(sources: 1), new TrainingOptions
    {
        LabelColumns = ["topic", "stance"],
        Featurizer = new FeaturizerOptions { MinDocumentFrequency = 1 },
        Seed = 7,
    })));

    [Property(MaxTest = 300)]
    public void A_file_cut_anywhere_is_a_model_format_error(NonNegativeInt cut)
    {
        var bytes = TinyModel.Value;
        int length = cut.Get % bytes.Length;

        Assert.Throws<ModelFormatException>(() => ModelFile.FromBytes(bytes[..length], "cut"));
    }

    [Property(MaxTest = 300)]
    public void A_file_with_any_bytes_changed_is_a_model_format_error(NonNegativeInt position, byte mask, PositiveInt count)
    {
        var bytes = (byte[])TinyModel.Value.Clone();
        byte flip = mask == 0 ? (byte)1 : mask;
        for (int k = 0; k < Math.Min(count.Get, 8); k++) bytes[(position.Get + 997 * k) % bytes.Length] ^= flip;

        Assert.Throws<ModelFormatException>(() => ModelFile.FromBytes(bytes, "flipped"));
    }

    /// <summary>
    /// The hard case: damage the checksum does not catch (a file re-signed after the change, as a
    /// buggy writer would leave it). The decoder itself must refuse it cleanly, or load a model.
    /// </summary>
    [Property(MaxTest = 500)]
    public void A_changed_file_with_a_valid_checksum_loads_or_is_a_model_format_error(NonNegativeInt position, byte value)
    {
        var bytes = (byte[])TinyModel.Value.Clone();
        int at = position.Get % (bytes.Length - HashLength);
        bytes[at] = value;
        SHA256.HashData(bytes.AsSpan(0, bytes.Length - HashLength)).CopyTo(bytes.AsSpan(bytes.Length - HashLength));

        try
        {
            ModelFile.FromBytes(bytes, "resigned");
        }
        catch (ModelFormatException)
        {
        }
    }

    [Property(MaxTest = 200)]
    public void Random_bytes_are_a_model_format_error(byte[] bytes, bool withMagic)
    {
        byte[] input = withMagic ? [.. "STANCELB"u8.ToArray(), .. bytes] : bytes;

        Assert.Throws<ModelFormatException>(() => ModelFile.FromBytes(input, "random"));
    }
}
