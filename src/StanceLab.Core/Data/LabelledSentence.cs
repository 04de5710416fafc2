namespace StanceLab.Data;

/// <summary>
/// One labelled sentence. <see cref="Labels"/> maps a label column ("topic", "stance", or a
/// user's own) to its value. <see cref="File"/> and <see cref="Line"/> say where it was read (line
/// 0 when not from a file), for error messages.
/// </summary>
public sealed record LabelledSentence(
    string Id,
    string Source,
    string Text,
    IReadOnlyDictionary<string, string> Labels,
    string File = "",
    int Line = 0)
{
    /// <summary>"file:line", as error messages write it.</summary>
    public string Origin => Line > 0 ? $"{File}:{Line}" : File;

    public string Label(string column) =>
        Labels.TryGetValue(column, out var value)
            ? value
            : throw new KeyNotFoundException($"Sentence '{Id}' has no label column '{column}'.");
}
