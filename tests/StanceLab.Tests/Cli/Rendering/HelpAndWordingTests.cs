using StanceLab.Cli;
using StanceLab.Cli.Rendering;

namespace StanceLab.Tests.Cli.Rendering;

/// <summary>What people read in --help and in counts: the README's spelling, only what works, plain English.</summary>
public sealed class HelpAndWordingTests
{
    [Theory]
    [InlineData("score", "--format <table|json|html>")]
    [InlineData("explain", "--format <table|json>")]
    [InlineData("check", "--format <table|json>")]
    [InlineData("evaluate", "--format <table|json|markdown|html>")]
    [InlineData("train", "--format <table|json|markdown>")]
    [InlineData("train", "--encoder <none|minilm>")]
    [InlineData("train", "--solver <lbfgs|sdca>")]
    [InlineData("train", "--class-weight <none|balanced>")]
    public void Help_lists_only_the_values_a_verb_accepts_in_lower_case(string verb, string expected)
    {
        var help = CliRun.Of(verb, "--help").Output;

        Assert.Contains(expected, help);
        Assert.DoesNotContain("Markdown", help);
        Assert.DoesNotContain("MiniLm", help);
        Assert.DoesNotContain("[default: Table]", help);
    }

    [Fact]
    public void Defaults_in_help_are_spelled_as_typed()
    {
        var help = CliRun.Of("train", "--help").Output;

        Assert.Contains("[default: minilm]", help);
        Assert.Contains("[default: table]", help);
    }

    [Theory]
    [InlineData("Markdown")]
    [InlineData("TABLE")]
    public void A_value_is_case_insensitive_but_one_a_verb_does_not_offer_is_a_usage_error(string format)
    {
        var run = CliRun.Of("explain", "Oil fell.", "--format", format, "--model", "none.stancelab");

        if (format == "TABLE") Assert.DoesNotContain("--format must be one of", run.Error);
        else
        {
            Assert.Equal(ExitCodes.Usage, run.ExitCode);
            Assert.Contains("--format must be one of table, json; got 'Markdown'", run.Error);
        }
    }

    [Theory]
    [InlineData(1, "1 sentence")]
    [InlineData(0, "0 sentences")]
    [InlineData(2425, "2,425 sentences")]
    public void Counts_agree_in_number_and_group_thousands(long n, string expected) =>
        Assert.Equal(expected, Formatting.Count(n, "sentence"));

    [Fact]
    public void A_rare_label_gets_a_visible_bar_and_an_absent_one_none()
    {
        var lines = TextBars.Render([("other", 2976), ("military-support", 86), ("sports", 0)]).Split('\n');

        Assert.Equal(50, lines[0].Count(c => c == TextBars.Block));
        Assert.InRange(lines[1].Count(c => c == TextBars.Block), 1, 2);
        Assert.Equal(0, lines[2].Count(c => c == TextBars.Block));
        Assert.EndsWith("2,976", lines[0]);
    }
}
