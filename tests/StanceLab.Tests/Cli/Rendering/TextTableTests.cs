using StanceLab.Cli.Rendering;

namespace StanceLab.Tests.Cli.Rendering;

/// <summary>The ConsoleTables-drawn tables: numbers line up on the right, and the text and Markdown views carry the same cells.</summary>
public sealed class TextTableTests
{
    private static readonly TextTable Table = new("scores",
        [new("class"), new("F1", Numeric: true), new("support", Numeric: true)],
        [["opinion", "0.5", "7"], ["report", "0.875", "1,234"]],
        Caption: "two classes");

    [Fact]
    public void Numeric_columns_are_right_aligned_in_the_text_view()
    {
        var lines = Table.ToText().Split('\n');
        var opinion = lines.Single(l => l.StartsWith("opinion", StringComparison.Ordinal));
        var report = lines.Single(l => l.StartsWith("report", StringComparison.Ordinal));
        Assert.Equal(report.TrimEnd().Length, opinion.TrimEnd().Length);
        Assert.Equal(report.IndexOf("0.875", StringComparison.Ordinal) + "0.875".Length, opinion.IndexOf("0.5", StringComparison.Ordinal) + "0.5".Length);
        Assert.Contains("scores", lines[0]);
        Assert.Contains(lines, l => l.Contains("two classes", StringComparison.Ordinal));
    }

    [Fact]
    public void The_markdown_view_is_a_table_with_a_header_separator_and_every_cell()
    {
        var lines = Table.ToMarkdown().Split('\n').Where(l => l.StartsWith('|')).ToArray();
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("|--", lines[1], StringComparison.Ordinal);
        Assert.Equal(["opinion", "0.5", "7"], lines[2].Split('|', StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()));
        Assert.Equal(["report", "0.875", "1,234"], lines[3].Split('|', StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()));
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_is_refused()
    {
        var table = new TextTable(null, [new("a"), new("b")], [["only one"]]);
        Assert.Throws<ArgumentException>(() => table.ToText());
    }
}
