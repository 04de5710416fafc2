using nietras.SeparatedValues;

namespace StanceLab.Bench;

/// <summary>
/// The bench's delimited files, read and written with Sep: the data sets as published (AG News'
/// quoted CSV, the TSVs), and the split files handed to StanceLab and the reference tools.
/// </summary>
public static class SeparatedFiles
{
    /// <summary>AG News' test.csv: no header, RFC 4180 quoting; each record as its fields.</summary>
    public static List<string[]> ReadHeaderlessCsv(string path)
    {
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true }).FromFile(path);
        var records = new List<string[]>();
        foreach (var row in reader)
        {
            var fields = new string[row.ColCount];
            for (int i = 0; i < fields.Length; i++) fields[i] = row[i].ToString();
            records.Add(fields);
        }
        return records;
    }

    /// <summary>A TSV with a header: each row as column name → value. Quotes are text here (SUBJ has unbalanced ones), not CSV quoting.</summary>
    public static List<Dictionary<string, string>> ReadTsv(string path)
    {
        using var reader = Sep.New('\t').Reader(o => o with { DisableQuotesParsing = true }).FromFile(path);
        var names = reader.Header.ColNames;
        var rows = new List<Dictionary<string, string>>();
        foreach (var row in reader)
        {
            var fields = new Dictionary<string, string>(names.Count, StringComparer.Ordinal);
            for (int i = 0; i < names.Count; i++) fields[names[i]] = row[i].ToString();
            rows.Add(fields);
        }
        return rows;
    }

    /// <summary>
    /// A split file in StanceLab's labelled format (<c>id</c>, <c>label</c>, <c>text</c>), which
    /// every reference tool reads too. Fields are written unquoted, as StanceLab's TSV has no
    /// quoting; a tab or line break inside a field is refused rather than written.
    /// </summary>
    public static string WriteLabelledTsv(string path, IEnumerable<BenchRow> rows)
    {
        using var writer = Sep.New('\t').Writer(o => o with { Escape = false }).ToFile(path);
        foreach (var r in rows)
        {
            using var row = writer.NewRow();
            row["id"].Set(Checked(r.Id));
            row["label"].Set(Checked(r.Label));
            row["text"].Set(Checked(r.Text));
        }
        return path;
    }

    private static string Checked(string field) =>
        field.AsSpan().IndexOfAny('\t', '\n', '\r') < 0 ? field : throw new ArgumentException($"a field holds a tab or line break: {field}");
}
