using System.Text;

namespace StanceLab.Data;

/// <summary>
/// Validates labelled files without stopping at the first problem: format (header, column count,
/// empty fields), ids unique across files, labels within the schema, and texts that occur twice,
/// exactly or nearly, with different labels. Exact duplicates with conflicting labels are errors;
/// near duplicates with conflicting labels are warnings (a relayed claim and the claim itself can
/// differ in stance), as are exact duplicates with the same labels (they can leak between folds).
/// </summary>
public static class CorpusChecker
{
    /// <summary>Word-bigram Jaccard similarity from which two texts count as near duplicates.</summary>
    public const double NearDuplicateThreshold = 0.8;

    // Shingles shared by more rows than this are too common to find near duplicates by.
    private const int MaxPostings = 64;

    public static CorpusCheckReport Check(IReadOnlyList<string> files, LabelSchema? schema, IReadOnlyList<string>? labelColumns = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        // The schema's own column order (as written in its JSON) is the order people expect to read.
        var columns = labelColumns ?? schema?.Columns.Keys.ToArray();
        var problems = new List<CorpusProblem>();
        var rows = new List<LabelledSentence>();
        var firstId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var scan = TsvCorpusReader.Scan(file, columns);
            problems.AddRange(scan.Problems);
            foreach (var row in scan.Rows)
            {
                if (!firstId.TryAdd(row.Id, row.Origin))
                {
                    var (f, line) = (row.File, row.Line);
                    problems.Add(new CorpusProblem(ProblemSeverity.Error, f, line, $"duplicate id '{row.Id}' (first seen at {firstId[row.Id]})"));
                    continue;
                }
                rows.Add(row);
            }
        }
        columns ??= rows.SelectMany(r => r.Labels.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

        if (schema is not null)
        {
            foreach (var column in columns.Where(c => !schema.Columns.ContainsKey(c)))
                problems.Add(new CorpusProblem(ProblemSeverity.Error, files.FirstOrDefault() ?? "", 0, $"the label schema has no column '{column}'"));
            foreach (var row in rows)
            {
                foreach (var column in columns.Where(schema.Columns.ContainsKey))
                {
                    var label = row.Label(column);
                    if (!schema.Allows(column, label))
                    {
                        var (f, line) = (row.File, row.Line);
                        problems.Add(new CorpusProblem(ProblemSeverity.Error, f, line,
                            $"'{label}' is not a {column} label (allowed: {string.Join(", ", schema.Columns[column])})"));
                    }
                }
            }
        }

        var duplicates = FindDuplicates(rows, columns);
        foreach (var group in duplicates)
        {
            var (f, line) = (group.Rows[^1].File, group.Rows[^1].Line);
            var others = string.Join(", ", group.Rows.Take(group.Rows.Count - 1).Select(r => r.Origin));
            var what = group.Exact ? "the same text as" : $"nearly the same text ({group.Similarity:P0} similar) as";
            if (group.LabelsConflict)
            {
                var labels = string.Join(" vs ", group.Rows.Select(r => string.Join("/", columns.Select(r.Label))));
                problems.Add(new CorpusProblem(group.Exact ? ProblemSeverity.Error : ProblemSeverity.Warning, f, line,
                    $"{what} {others} but different labels ({labels})"));
            }
            else if (group.Exact)
            {
                problems.Add(new CorpusProblem(ProblemSeverity.Warning, f, line, $"{what} {others} (same labels)"));
            }
        }

        var counts = columns.Select(column =>
        {
            var known = schema is not null && schema.Columns.TryGetValue(column, out var allowed) ? allowed : [];
            var tally = known.ToDictionary(l => l, _ => 0, StringComparer.Ordinal);
            foreach (var row in rows) tally[row.Label(column)] = tally.GetValueOrDefault(row.Label(column)) + 1;
            var ordered = tally.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => KeyValuePair.Create(p.Key, p.Value)).ToArray();
            return KeyValuePair.Create(column, (IReadOnlyList<KeyValuePair<string, int>>)ordered);
        }).ToArray();

        var sorted = problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ToArray();
        return new CorpusCheckReport(files.ToArray(), rows.Count, columns, sorted, duplicates, counts);
    }

    private static List<DuplicateGroup> FindDuplicates(List<LabelledSentence> rows, IReadOnlyList<string> columns)
    {
        var groups = new List<DuplicateGroup>();
        var keys = rows.Select(r => Normalize(r.Text)).ToArray();
        var exact = Enumerable.Range(0, rows.Count).GroupBy(i => keys[i], StringComparer.Ordinal).Where(g => g.Count() > 1).ToArray();
        var inExactGroup = new HashSet<int>();
        foreach (var g in exact)
        {
            var members = g.Select(i => rows[i]).ToArray();
            groups.Add(new DuplicateGroup(true, Conflict(members, columns), 1.0, members));
            foreach (var i in g.Skip(1)) inExactGroup.Add(i);
        }

        var shingles = keys.Select(Shingles).ToArray();
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < rows.Count; i++)
        {
            if (inExactGroup.Contains(i)) continue;
            foreach (var s in shingles[i])
            {
                if (!postings.TryGetValue(s, out var list)) postings[s] = list = [];
                list.Add(i);
            }
        }
        var seen = new HashSet<(int, int)>();
        foreach (var list in postings.Values.Where(l => l.Count is > 1 and <= MaxPostings))
        {
            for (int a = 0; a < list.Count; a++)
            {
                for (int b = a + 1; b < list.Count; b++)
                {
                    int i = list[a], j = list[b];
                    if (keys[i] == keys[j] || !seen.Add((i, j))) continue;
                    double similarity = Jaccard(shingles[i], shingles[j]);
                    if (similarity >= NearDuplicateThreshold)
                        groups.Add(new DuplicateGroup(false, Conflict([rows[i], rows[j]], columns), similarity, [rows[i], rows[j]]));
                }
            }
        }
        return groups;
    }

    private static bool Conflict(IReadOnlyList<LabelledSentence> rows, IReadOnlyList<string> columns) =>
        columns.Any(c => rows.Select(r => r.Label(c)).Distinct(StringComparer.Ordinal).Count() > 1);

    /// <summary>Lower-case words joined by single spaces: punctuation, case and spacing do not make texts differ.</summary>
    internal static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0) builder.Append(' ');
                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }
        return builder.ToString();
    }

    private static HashSet<string> Shingles(string normalized)
    {
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (words.Length == 1) set.Add(words[0]);
        for (int i = 0; i + 1 < words.Length; i++) set.Add(words[i] + " " + words[i + 1]);
        return set;
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 && b.Count == 0) return 1;
        int shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }
}
