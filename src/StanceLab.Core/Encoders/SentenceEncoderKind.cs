namespace StanceLab.Encoders;

/// <summary>Which sentence encoder, if any, adds a dense "sentence meaning" block to the features.</summary>
public enum SentenceEncoderKind
{
    /// <summary>N-gram features only.</summary>
    None,

    /// <summary>all-MiniLM-L6-v2: 384 dimensions, mean-pooled over the attention mask, L2-normalized.</summary>
    MiniLm,
}
