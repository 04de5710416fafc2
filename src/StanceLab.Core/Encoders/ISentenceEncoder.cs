namespace StanceLab.Encoders;

/// <summary>Turns a sentence into a fixed-length dense vector. Implementations are thread-safe and deterministic.</summary>
public interface ISentenceEncoder
{
    SentenceEncoderKind Kind { get; }

    int Dimension { get; }

    /// <summary>The embedding of <paramref name="text"/>, written into <paramref name="embedding"/> (length <see cref="Dimension"/>).</summary>
    void Encode(string text, Span<float> embedding);
}
