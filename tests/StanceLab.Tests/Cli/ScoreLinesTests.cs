using System.Text.Json;
using StanceLab.Cli;
using StanceLab.Tests.Support;

namespace StanceLab.Tests.Cli;

/// <summary><c>score --lines</c>: one article per line, streamed in blocks, written in input order.</summary>
public sealed class ScoreLinesTests
{
    private static string DefaultModel => Path.Combine(RepositoryPaths.Root, "models", "news.stancelab");

    [Fact]
    public void Every_non_empty_line_gives_one_json_object_in_input_order_and_empty_lines_are_reported()
    {
        string[] articles = ["The army received new weapons.", "Officials said talks may resume. Prices rose.", "It is a welcome step."];
        // More lines than one block, so order across blocks is checked too.
        var lines = Enumerable.Range(0, 700).Select(i => i % 50 == 7 ? "" : articles[i % articles.Length]).ToArray();

        var run = CliRun.WithInput(string.Join('\n', lines) + "\n", "score", "--lines", "--format", "json", "--model", DefaultModel, "-");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        var objects = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var expectedLines = Enumerable.Range(1, lines.Length).Where(n => lines[n - 1].Length > 0).ToArray();
        Assert.Equal(expectedLines, objects.Select(o => o.GetProperty("line").GetInt32()));
        foreach (var o in objects)
        {
            int n = o.GetProperty("line").GetInt32();
            var text = string.Join(' ', o.GetProperty("sentences").EnumerateArray().Select(s => s.GetProperty("text").GetString()));
            Assert.Equal(lines[n - 1], text);
        }
        Assert.Contains($"scored {expectedLines.Length} articles", run.Error);
        Assert.Contains("skipped 14 empty line(s): 8, 58, 108", run.Error);
    }

    [Fact]
    public void Lines_mode_needs_json_output()
    {
        var run = CliRun.WithInput("A sentence.\n", "score", "--lines", "--model", DefaultModel, "-");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--format json", run.Error);
    }

    [Fact]
    public void Invalid_utf8_names_the_file_and_line_after_writing_the_lines_before_it()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "bad.txt");
        File.WriteAllBytes(path, [.. "Fine line.\nAlso fine.\n"u8.ToArray(), 0xC3, 0x28, (byte)'\n']);

        var run = CliRun.Of("score", "--lines", "--format", "json", "--model", DefaultModel, path);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("bad.txt:3: invalid UTF-8", run.Error);
        // The good lines before the bad one are not lost.
        Assert.Equal([1, 2], run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("line").GetInt32()));
    }
}
