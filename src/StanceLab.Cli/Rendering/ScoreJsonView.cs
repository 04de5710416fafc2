using StanceLab.Json;
using StanceLab.Scoring;

namespace StanceLab.Cli.Rendering;

/// <summary>A scored article as one JSON line (<see cref="ScoreDocument"/>; README: JSON output).</summary>
internal static class ScoreJsonView
{
    /// <param name="output">Where the line goes.</param>
    /// <param name="file">The input's name.</param>
    /// <param name="score">The scored article.</param>
    /// <param name="line">With <c>score --lines</c>: the article's line number in the input, written as "line".</param>
    public static void Write(TextWriter output, string file, ArticleScore score, long? line = null) =>
        JsonOutput.WriteLine(output, ScoreDocument.From(file, score, line), c => c.ScoreDocument);
}
