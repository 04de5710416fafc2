using System.Text.Json;

namespace StanceLab.Data;

/// <summary>
/// The allowed classes of each label column, kept beside the data as JSON:
/// <c>{"topic": ["conflict", ...], "stance": ["report", ...]}</c>.
/// </summary>
public sealed class LabelSchema
{
    public LabelSchema(IReadOnlyDictionary<string, IReadOnlyList<string>> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0) throw new ArgumentException("A label schema needs at least one column.", nameof(columns));
        Columns = columns.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.ToArray(), StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Columns { get; }

    public bool Allows(string column, string label) => Columns.TryGetValue(column, out var allowed) && allowed.Contains(label, StringComparer.Ordinal);

    /// <summary>
    /// Throws a <see cref="DataFormatException"/> naming the file and line of the first row whose
    /// label in one of <paramref name="columns"/> the schema does not allow (columns the schema
    /// does not list are not checked), as <c>stancelab check</c> reports it.
    /// </summary>
    public void Validate(IEnumerable<LabelledSentence> rows, IReadOnlyList<string> columns, string schemaPath)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        var checkedColumns = columns.Where(Columns.ContainsKey).ToArray();
        foreach (var row in rows)
            foreach (var column in checkedColumns)
            {
                var label = row.Label(column);
                if (Allows(column, label)) continue;
                throw new DataFormatException(row.File, row.Line,
                    $"label '{label}' in column '{column}' is not allowed by {schemaPath} (allowed: {string.Join(", ", Columns[column])})");
            }
    }

    public static LabelSchema Load(string path)
    {
        if (!File.Exists(path)) throw new DataFormatException(path, 0, "label schema not found");
        try
        {
            var columns = JsonSerializer.Deserialize<Dictionary<string, string[]>>(File.ReadAllText(path));
            if (columns is null || columns.Count == 0) throw new DataFormatException(path, 0, "the label schema names no label columns");
            foreach (var (column, labels) in columns)
            {
                if (labels is null || labels.Length == 0) throw new DataFormatException(path, 0, $"column '{column}' allows no labels");
                if (labels.Any(string.IsNullOrWhiteSpace)) throw new DataFormatException(path, 0, $"column '{column}' has an empty label");
                if (labels.Distinct(StringComparer.Ordinal).Count() != labels.Length) throw new DataFormatException(path, 0, $"column '{column}' lists a label twice");
            }
            return new LabelSchema(columns.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal));
        }
        catch (JsonException e)
        {
            throw new DataFormatException(path, (int)(e.LineNumber ?? -1) + 1, $"not a label schema (expected {{\"column\": [\"label\", ...]}}): {e.Message}");
        }
    }
}
