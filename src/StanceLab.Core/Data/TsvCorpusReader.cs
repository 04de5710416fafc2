using System.Text;

namespace StanceLab.Data;

/// <summary>
/// Reads labelled-sentence TSV files (LABELLING.md format: a header naming id, source, text and
/// label columns; one sentence per line; source may be left out). Every problem is a <see cref="DataFormatException"/> that
/// names the file, the line and what is wrong: a broken row never silently drops out of training.
/// </summary>
public static class TsvCorpusReader
{
    public static readonly IReadOnlyList<string> RequiredColumns = ["id", "text"];

    /// <summary>
    /// Optional: the document a sentence came from, which cross-validation keeps in one fold. A file
    /// without it (a benchmark's id/label/text) makes every row its own source.
    /// </summary>
    public const string SourceColumn = "source";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads every file and checks that each row has the <paramref name="labelColumns"/> filled and
    /// that ids are unique across all files.
    /// </summary>
    public static IReadOnlyList<LabelledSentence> ReadAll(IEnumerable<string> paths, IReadOnlyList<string> labelColumns)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var all = new List<LabelledSentence>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            foreach (var sentence in Read(path, labelColumns))
            {
                if (!seen.TryAdd(sentence.Id, sentence.Origin))
                {
                    throw new DataFormatException(sentence.File, sentence.Line, $"duplicate id '{sentence.Id}' (first seen at {seen[sentence.Id]})");
                }
                all.Add(sentence);
            }
        }
        return all;
    }

    public static IReadOnlyList<LabelledSentence> Read(string path, IReadOnlyList<string> labelColumns)
    {
        ArgumentNullException.ThrowIfNull(labelColumns);
        var scan = Scan(path, labelColumns);
        var first = scan.Problems.FirstOrDefault(p => p.Severity == ProblemSeverity.Error);
        if (first is not null) throw first.ToException();
        return scan.Rows;
    }

    /// <summary>
    /// Reads a file without stopping at the first problem: every row that parses is returned and
    /// every problem is listed, in line order. The <paramref name="labelColumns"/> must exist; with
    /// none given, every column beyond id, source and text is a label column.
    /// </summary>
    public static TsvScan Scan(string path, IReadOnlyList<string>? labelColumns = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var problems = new List<CorpusProblem>();
        var rows = new List<LabelledSentence>();
        TsvScan Fail(int line, string problem)
        {
            problems.Add(new CorpusProblem(ProblemSeverity.Error, path, line, problem));
            return new TsvScan(path, [], rows, problems);
        }

        if (Directory.Exists(path)) return Fail(0, "is a directory, not a data file");
        if (!File.Exists(path)) return Fail(0, "file not found");

        // A line that is not valid UTF-8 is null here: it is reported where it stands and the rest of
        // the file is still checked, so one bad byte does not hide the file's other problems.
        var lines = ReadLines(path);
        // Editors often leave blank lines at the end; only blank lines between rows are an error.
        while (lines.Count > 0 && lines[^1] is { } last && string.IsNullOrWhiteSpace(last)) lines.RemoveAt(lines.Count - 1);
        if (lines.Count == 0) return Fail(0, "file is empty (expected a header row: id, source, text and label columns)");

        if (lines[0] is null) return Fail(1, InvalidUtf8);
        var header = lines[0]!.Split('\t').Select(h => h.Trim()).ToArray();
        var columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < header.Length; c++)
        {
            if (header[c].Length == 0) return Fail(1, $"header column {c + 1} has no name");
            if (!columnIndex.TryAdd(header[c], c)) return Fail(1, $"header names column '{header[c]}' twice");
        }
        var labels = labelColumns ?? header.Where(h => !RequiredColumns.Contains(h) && h != SourceColumn).ToArray();
        foreach (var required in RequiredColumns.Concat(labels))
        {
            if (!columnIndex.ContainsKey(required))
                return Fail(1, $"missing column '{required}' (header has: {string.Join(", ", header)})");
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 1; i < lines.Count; i++)
        {
            int lineNumber = i + 1;
            if (lines[i] is not { } line)
            {
                problems.Add(new CorpusProblem(ProblemSeverity.Error, path, lineNumber, InvalidUtf8));
                continue;
            }
            var problem = ParseRow(line, header.Length, columnIndex, labels, ids, lineNumber, path, out var row);
            if (problem is not null) problems.Add(new CorpusProblem(ProblemSeverity.Error, path, lineNumber, problem));
            else rows.Add(row!);
        }
        if (rows.Count == 0 && problems.Count == 0) return Fail(0, "has a header but no data rows");
        return new TsvScan(path, header, rows, problems);
    }

    /// <summary>Parses one data line; returns the problem, or null with the row.</summary>
    private static string? ParseRow(string line, int columns, Dictionary<string, int> columnIndex, IReadOnlyList<string> labels,
        Dictionary<string, int> ids, int lineNumber, string path, out LabelledSentence? row)
    {
        row = null;
        if (string.IsNullOrWhiteSpace(line)) return "blank line inside the data";
        var fields = line.Split('\t');
        if (fields.Length != columns) return $"has {fields.Length} columns, the header has {columns}";

        string id = fields[columnIndex["id"]].Trim();
        string source = columnIndex.TryGetValue(SourceColumn, out int sourceAt) ? fields[sourceAt].Trim() : id;
        string text = fields[columnIndex["text"]].Trim();
        if (id.Length == 0) return "empty id";
        if (source.Length == 0) return "empty source";
        if (text.Length == 0) return "empty text";
        if (!ids.TryAdd(id, lineNumber)) return $"duplicate id '{id}' (first at line {ids[id]})";

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in labels)
        {
            string value = fields[columnIndex[column]].Trim();
            if (value.Length == 0) return $"empty label in column '{column}'";
            values[column] = value;
        }
        row = new LabelledSentence(id, source, text, values, path, lineNumber);
        return null;
    }

    private const string InvalidUtf8 = "invalid UTF-8 (the file must be UTF-8 encoded)";

    /// <summary>Splits the file into lines, decoding each strictly: a line that is not valid UTF-8 comes back null.</summary>
    private static List<string?> ReadLines(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        var lines = new List<string?>();
        while (start <= bytes.Length)
        {
            int rel = bytes.AsSpan(start).IndexOf((byte)'\n');
            int end = rel < 0 ? bytes.Length : start + rel;
            int contentEnd = end > start && bytes[end - 1] == (byte)'\r' ? end - 1 : end;
            try
            {
                lines.Add(StrictUtf8.GetString(bytes, start, contentEnd - start));
            }
            catch (DecoderFallbackException)
            {
                lines.Add(null);
            }
            if (rel < 0) break;
            start = end + 1;
        }
        return lines;
    }
}
