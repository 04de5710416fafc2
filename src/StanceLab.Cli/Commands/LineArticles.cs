using System.Text;
using StanceLab.Cli.Rendering;
using StanceLab.Scoring;

using StanceLab.Data;

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
        using var lines = path == "-" ? new LineSource(io.Input) : LineSource.Open(path);
        var block = new List<(long Line, string Text)>(BlockSize);
        var scores = new ArticleScore[BlockSize];
        long lineNumber = 0, articles = 0, sentences = 0, emptyCount = 0;
        var empty = new List<long>();
        Exception? failure = null;
        while (failure is null)
        {
            block.Clear();
            while (block.Count < BlockSize)
            {
                string? line;
                try
                {
                    line = lines.Next();
                }
                catch (DecoderFallbackException)
                {
                    // The lines before the bad one are scored and written first: nothing read is lost.
                    failure = new DataFormatException(name, (int)Math.Min(lineNumber + 1, int.MaxValue), $"invalid UTF-8 (articles must be UTF-8 text); the {lineNumber:N0} lines before it were scored");
                    break;
                }
                if (line is null) break;
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
            try
            {
                Parallel.For(0, block.Count, i => scores[i] = scorer.Score(block[i].Text, explainTop));
            }
            catch (AggregateException e) when (e.InnerExceptions.Count == 1)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            }
            for (int i = 0; i < block.Count; i++)
            {
                ScoreJsonView.Write(io.Output, name, scores[i], block[i].Line);
                sentences += scores[i].Sentences.Count;
            }
            articles += block.Count;
            if (io.ErrorIsTerminal && articles % (BlockSize * 40) == 0)
                io.ErrorWriter.WriteLine($"{name}: {articles:N0} articles scored");
        }
        if (failure is not null)
        {
            io.Output.Flush();
            throw failure;
        }
        return new Summary(lineNumber, articles, sentences, empty, emptyCount);
    }

    /// <summary>
    /// Lines of a file, each decoded on its own with strict UTF-8 so a bad byte is pinned to its
    /// line (a StreamReader decodes whole buffers ahead); or of an already-decoded reader (stdin).
    /// </summary>
    private sealed class LineSource : IDisposable
    {
        private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        private readonly Stream? _stream;
        private readonly TextReader? _reader;
        private readonly MemoryStream _line = new();
        private bool _first = true;

        public LineSource(TextReader reader) => _reader = reader;

        private LineSource(Stream stream) => _stream = stream;

        public static LineSource Open(string path)
        {
            if (!File.Exists(path)) throw new UsageException($"{path}: file not found");
            return new LineSource(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16));
        }

        public string? Next()
        {
            if (_reader is not null) return _reader.ReadLine();
            _line.SetLength(0);
            int b;
            while ((b = _stream!.ReadByte()) >= 0 && b != '\n') _line.WriteByte((byte)b);
            if (b < 0 && _line.Length == 0) return null;
            var bytes = _line.GetBuffer().AsSpan(0, (int)_line.Length);
            if (bytes.Length > 0 && bytes[^1] == '\r') bytes = bytes[..^1];
            if (_first && bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
            _first = false;
            return StrictUtf8.GetString(bytes);
        }

        public void Dispose()
        {
            _stream?.Dispose();
            _line.Dispose();
        }
    }
}
