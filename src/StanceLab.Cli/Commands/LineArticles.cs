using System.Text;
using StanceLab.Cli.Rendering;
using StanceLab.Scoring;

namespace StanceLab.Cli.Commands;

/// <summary>
/// <c>score --lines</c>: every line of the input is one article. Lines are read, scored (a block
/// at a time, in parallel) and written in input order, so memory stays flat however large the
/// input is. Empty lines are counted and reported, never silently dropped.
/// </summary>
internal static class LineArticles
{
    /// <summary>Lines scored at once; bounds memory while keeping both cores busy.</summary>
    public const int BlockSize = 256;

    public sealed record Summary(long Lines, long Articles, long Sentences, IReadOnlyList<long> EmptyLines, long EmptyLineCount);

    public static Summary Score(CliIo io, string path, ArticleScorer scorer, int explainTop)
    {
        string name = path == "-" ? "<stdin>" : path;
        using var owned = path == "-" ? null : Open(path);
        var reader = owned ?? io.Input;
        var block = new List<(long Line, string Text)>(BlockSize);
        var scores = new ArticleScore[BlockSize];
        long lineNumber = 0, articles = 0, sentences = 0, emptyCount = 0;
        var empty = new List<long>();
        while (true)
        {
            block.Clear();
            string? line;
            while (block.Count < BlockSize && (line = ReadLine(reader, name, lineNumber + 1)) is not null)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    emptyCount++;
                    if (empty.Count < 20) empty.Add(lineNumber);
                    continue;
                }
                block.Add((lineNumber, line));
            }
            if (block.Count == 0) break;
            Parallel.For(0, block.Count, i => scores[i] = scorer.Score(block[i].Text, explainTop));
            for (int i = 0; i < block.Count; i++)
            {
                ScoreJsonView.Write(io.Output, name, scores[i], block[i].Line);
                sentences += scores[i].Sentences.Count;
            }
            articles += block.Count;
            if (io.ErrorIsTerminal && articles % (BlockSize * 40) == 0)
                io.ErrorWriter.WriteLine($"{name}: {articles:N0} articles scored");
        }
        return new Summary(lineNumber, articles, sentences, empty, emptyCount);
    }

    private static StreamReader Open(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"{path}: file not found");
        return new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    private static string? ReadLine(TextReader reader, string name, long lineNumber)
    {
        try
        {
            return reader.ReadLine();
        }
        catch (DecoderFallbackException)
        {
            // The reader decodes ahead in blocks, so the bad bytes are at or shortly after this line.
            throw new UsageException($"{name}: invalid UTF-8 at or after line {lineNumber} (articles must be UTF-8 text)");
        }
    }
}
