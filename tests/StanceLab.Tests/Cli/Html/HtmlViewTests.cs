using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using StanceLab.Cli;
using StanceLab.Tests.Support;

namespace StanceLab.Tests.Cli.Html;

/// <summary>
/// score and evaluate --format html: one self-contained page, checked as written and as a real
/// browser (headless Chromium) renders it. The browser tests are skipped, saying so, where no
/// Chromium is installed (apt-get install chromium); CI installs it.
/// </summary>
public sealed class HtmlViewTests : IDisposable
{
    private static readonly Lazy<string> SharedModel = new(() =>
    {
        var dir = Directory.CreateTempSubdirectory("stancelab-html-").FullName;
        var path = Path.Combine(dir, "seed.stancelab");
        var run = CliRun.Of("train", "--data", RepositoryPaths.SeedCorpus, "--out", path, "--encoder", "none", "--folds", "3");
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        return path;
    });

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private (string Html, JsonDocument[] Json, string[] Files) ScoredPage()
    {
        var first = _temp.WriteText("first.txt", "Russia may supply weapons to Haftar, analysts said. The talks in Geneva ended without a deal.");
        var second = _temp.WriteText("second.txt", "Oil prices rose <sharply> & \"unexpectedly\" on Monday.\nTroops shelled the town overnight.");
        var html = CliRun.Of("score", first, second, "--model", SharedModel.Value, "--format", "html", "--explain", "2");
        var json = CliRun.Of("score", first, second, "--model", SharedModel.Value, "--format", "json");
        Assert.True(html.ExitCode == ExitCodes.Success, html.Error);
        return (html.Output, json.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l)).ToArray(), [first, second]);
    }

    [Fact]
    public void The_page_fetches_nothing_from_anywhere()
    {
        var (html, _, _) = ScoredPage();

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotMatch(new Regex("(src|href)\\s*=|@import|url\\(|<link|<script", RegexOptions.IgnoreCase), html);
    }

    [SkippableFact]
    public void In_a_browser_every_article_and_sentence_is_there_with_its_text_labels_and_shaded_words()
    {
        var (html, json, files) = ScoredPage();

        var dom = RenderedDom(html, "score.html", out var png);

        Assert.Equal(files.Length, Regex.Matches(dom, "<article class=\"scored\"").Count);
        var sentences = json.SelectMany(d => d.RootElement.GetProperty("sentences").EnumerateArray()).ToArray();
        var items = Regex.Matches(dom, "<li class=\"sentence[^\"]*\"[^>]*>(.*?)</li>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(sentences.Length, items.Length);
        for (int i = 0; i < items.Length; i++)
        {
            var lines = Regex.Matches(items[i], "<div class=\"head-line\" data-head=\"(?<head>[^\"]+)\" data-label=\"(?<label>[^\"]+)\".*?<span class=\"text\">(?<text>.*?)</span>(<span class=\"muted\"|</div>)", RegexOptions.Singleline);
            Assert.Equal(2, lines.Count);
            foreach (Match line in lines)
            {
                var prediction = sentences[i].GetProperty("predictions").GetProperty(line.Groups["head"].Value);
                Assert.Equal(prediction.GetProperty("label").GetString(), WebUtility.HtmlDecode(line.Groups["label"].Value));
                // The shaded words and the text between them read as the sentence itself.
                Assert.Equal(sentences[i].GetProperty("text").GetString(), WebUtility.HtmlDecode(Regex.Replace(line.Groups["text"].Value, "<[^>]+>", "")));
                Assert.Matches("class=\"tok (toward|against)\"", line.Groups["text"].Value);
            }
        }
        Assert.True(new FileInfo(png).Length > 10_000, "the screenshot is empty");
    }

    [SkippableFact]
    public void In_a_browser_the_evaluation_shows_a_heat_map_and_a_reliability_diagram_per_head()
    {
        var run = CliRun.Of("evaluate", "--data", RepositoryPaths.SeedCorpus, "--model", SharedModel.Value, "--format", "html");
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);

        var dom = RenderedDom(run.Output, "evaluate.html", out _);

        var heads = Regex.Matches(dom, "<section class=\"head-report\" data-head=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(["topic", "stance"], heads);
        Assert.Equal(6 * 6 + 4 * 4, Regex.Matches(dom, "<td class=\"num\" data-count=").Count);
        Assert.Equal(2 * 193, Regex.Matches(dom, "<td class=\"num\" data-count=\"(\\d+)\"").Sum(m => int.Parse(m.Groups[1].Value)));
        Assert.Equal(2, Regex.Matches(dom, "<svg class=\"reliability\"").Count);
        Assert.Contains("in the model's training data", dom);
    }

    /// <summary>The page as headless Chromium renders it (its DOM after layout), with a screenshot beside it.</summary>
    private string RenderedDom(string html, string name, out string png)
    {
        var chromium = new[] { Environment.GetEnvironmentVariable("STANCELAB_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));
        Skip.If(chromium is null, "no Chromium here: apt-get install chromium (or set STANCELAB_CHROMIUM) to run the browser checks");
        var page = _temp.WriteText(name, html);
        png = _temp.Combine(name + ".png");
        string[] common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1200,1600"];
        Run(chromium!, [.. common, $"--screenshot={png}", new Uri(page).AbsoluteUri]);
        return Run(chromium!, [.. common, "--dump-dom", new Uri(page).AbsoluteUri]);
    }

    private static string Run(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "Chromium did not finish within 2 minutes");
        Assert.Equal(0, process.ExitCode);
        return output.Result;
    }
}
