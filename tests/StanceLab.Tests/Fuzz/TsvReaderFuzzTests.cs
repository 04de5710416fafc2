using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StanceLab.Data;
using StanceLab.Tests.Support;

namespace StanceLab.Tests.Fuzz;

/// <summary>
/// Whatever a labelled file holds, reading it either gives rows that are in the file or stops with
/// a DataFormatException naming the file: never another exception, never a row that vanished.
/// </summary>
public sealed class TsvReaderFuzzTests : IDisposable
{
    private static readonly string[] Texts = ["Oil fell.", "\"Quoted,\" he said.", "Prices rose 3%", "é à ü", "日本の株価", "a", "x\u0000y", "Tabs\u000Bvertical"];
    private static readonly string[] Topics = ["economy", "conflict", "other", "politics"];
    private static readonly string[] Stances = ["report", "attributed", "opinion"];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A valid labelled file, the texts in it, and a kind of damage (0: none).</summary>
    public static Arbitrary<(string Valid, string[] Texts, int Damage, int Where)> LabelledFiles() =>
        (from rows in (from text in Gen.Elements(Texts)
                       from topic in Gen.Elements(Topics)
                       from stance in Gen.Elements(Stances)
                       from source in Gen.Elements("s1", "s2", "s3")
                       select (text, topic, stance, source)).NonEmptyListOf()
         from crlf in Gen.Elements(false, true)
         from damage in Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Choose(1, 7)))
         from at in Gen.Choose(0, 10_000)
         let ending = crlf ? "\r\n" : "\n"
         let body = string.Concat(rows.Select((r, i) => $"id{i}\t{r.source}\t{r.text}\t{r.topic}\t{r.stance}{ending}"))
         select ("id\tsource\ttext\ttopic\tstance" + ending + body, rows.Select(r => r.text).ToArray(), damage, at)).ToArbitrary();

    /// <summary>1: an invalid UTF-8 byte; 2: a byte-order mark; 3: cut short; 4: a row missing a column; 5: an empty label; 6: a repeated id; 7: a row with an extra column.</summary>
    private static byte[] Damaged(string valid, int kind, int where)
    {
        var bytes = Encoding.UTF8.GetBytes(valid);
        var lines = valid.Split('\n');
        int line = 1 + where % Math.Max(1, lines.Length - 2);
        string Replace(Func<string, string> change) => string.Join('\n', lines.Select((l, i) => i == line && l.Length > 0 ? change(l) : l));
        return kind switch
        {
            1 => [.. bytes[..(where % (bytes.Length + 1))], 0xC3, 0x28, .. bytes[(where % (bytes.Length + 1))..]],
            2 => [0xEF, 0xBB, 0xBF, .. bytes],
            3 => bytes[..(where % (bytes.Length + 1))],
            4 => Encoding.UTF8.GetBytes(Replace(l => l[..l.LastIndexOf('\t')])),
            5 => Encoding.UTF8.GetBytes(Replace(l => l[..(l.LastIndexOf('\t') + 1)])),
            6 => Encoding.UTF8.GetBytes(Replace(l => "id0" + l[l.IndexOf('\t')..])),
            7 => Encoding.UTF8.GetBytes(Replace(l => l + "\textra")),
            _ => bytes,
        };
    }

    [Property(MaxTest = 400, Arbitrary = [typeof(TsvReaderFuzzTests)])]
    public void A_valid_file_gives_every_row_and_a_damaged_one_gives_rows_or_a_data_format_error_naming_it((string Valid, string[] Texts, int Damage, int Where) file)
    {
        var content = Damaged(file.Valid, file.Damage, file.Where);
        var path = _temp.WriteBytes($"fuzz-{Guid.NewGuid():N}.tsv", content);
        try
        {
            var rows = TsvCorpusReader.Read(path, ["topic", "stance"]);
            if (file.Damage == 0) Assert.Equal(file.Texts, rows.Select(r => r.Text));
            // A damaged file that still reads (a cut at a row boundary, a BOM) keeps every row it holds.
            var text = Encoding.UTF8.GetString(content);
            Assert.Equal(text.Split('\n').Skip(1).Count(l => l.TrimEnd('\r').Length > 0), rows.Count);
            foreach (var row in rows) Assert.Contains(row.Text, text);
        }
        catch (DataFormatException e) when (file.Damage != 0)
        {
            Assert.Equal(path, e.File);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
