using System.Text.RegularExpressions;
using StanceLab.Tests.Support;

namespace StanceLab.Tests.Cli;

/// <summary>The README's table of error examples is what the program prints, with the exit codes it names.</summary>
[Collection(WorkingDirectoryCollection.Name)]
public sealed class ReadmeErrorExamplesTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _original = Directory.GetCurrentDirectory();

    public ReadmeErrorExamplesTests()
    {
        Directory.CreateDirectory(_temp.Combine("notes"));
        Directory.CreateDirectory(_temp.Combine("training-data"));
        File.Copy(RepositoryPaths.SeedCorpus, _temp.Combine("training-data", "seed-articles.tsv"));
        File.WriteAllBytes(_temp.Combine("latin1.txt"), [0x4F, 0x69, 0x6C, 0x20, 0xE9, 0x74, 0xE9, 0x2E]);
        Directory.CreateDirectory(_temp.Combine("models"));
        File.Copy(Path.Combine(RepositoryPaths.Root, "models", "news.stancelab"), _temp.Combine("models", "news.stancelab"));
        Directory.SetCurrentDirectory(_temp.Path);
    }

    public void Dispose()
    {
        Directory.SetCurrentDirectory(_original);
        _temp.Dispose();
    }

    [Fact]
    public void Every_example_prints_what_the_README_says_and_exits_with_its_code()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var rows = Regex.Matches(readme, @"^\| `stancelab (?<args>[^`]+)`[^|]*\| `(?<message>[^`]+)` \| (?<code>\d) \|$", RegexOptions.Multiline);
        Assert.True(rows.Count >= 5, "the README's error examples were not found");

        foreach (Match row in rows)
        {
            var args = Regex.Matches(row.Groups["args"].Value, "\"[^\"]*\"|\\S+").Select(m => m.Value.Trim('"')).ToArray();

            var run = CliRun.Of(args);

            Assert.True(run.ExitCode == int.Parse(row.Groups["code"].Value), $"stancelab {row.Groups["args"].Value}: exit {run.ExitCode}, {run.Error}");
            Assert.Equal(row.Groups["message"].Value, run.Error.Split('\n')[0].TrimEnd('\r'));
        }
    }
}
