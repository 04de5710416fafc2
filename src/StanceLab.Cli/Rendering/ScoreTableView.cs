using Spectre.Console;
using Spectre.Console.Rendering;
using StanceLab.Scoring;

namespace StanceLab.Cli.Rendering;

/// <summary>A scored article for people: one row per sentence with each head's label and drivers, then the profile as bar charts.</summary>
internal static class ScoreTableView
{
    private static readonly Color[] Palette = [Color.SteelBlue, Color.Orange1, Color.Green, Color.Red, Color.Purple, Color.Yellow, Color.Aqua, Color.Grey];

    public static void Render(IAnsiConsole console, string file, ArticleScore score)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(file)}[/] — {Formatting.Count(score.Sentences.Count, "sentence")}") { Justification = Justify.Left });
        var heads = score.Profile.Shares.Select(p => p.Key).ToArray();
        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("#").RightAligned()).AddColumn("sentence");
        foreach (var head in heads) table.AddColumn(Markup.Escape(head));
        for (int i = 0; i < score.Sentences.Count; i++)
        {
            var s = score.Sentences[i];
            var sentenceCell = s.Unsure
                ? new Markup($"{Markup.Escape(s.Sentence.Text)}\n[yellow]unsure: {Formatting.Percent(s.Coverage)} of its words are known to the model[/]")
                : (IRenderable)new Spectre.Console.Text(s.Sentence.Text);
            var cells = new List<IRenderable> { new Spectre.Console.Text((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), sentenceCell };
            cells.AddRange(heads.Select(h => Cell(s.For(h))));
            table.AddRow(cells);
        }
        console.Write(table);

        var grid = new Grid();
        foreach (var _ in heads) grid.AddColumn();
        grid.AddRow(score.Profile.Shares.Select(p => (IRenderable)Profile(p.Key, p.Value)).ToArray());
        console.Write(new Panel(grid).Header("article profile (share of sentences)").Border(BoxBorder.Rounded));
    }

    private static Markup Cell(HeadPrediction p)
    {
        var text = p.Unsure
            ? $"[yellow]unsure[/] [dim](best guess {Markup.Escape(p.Label)} {Formatting.Ratio(p.Probability)})[/]"
            : $"[bold]{Markup.Escape(p.Label)}[/] {Formatting.Ratio(p.Probability)}";
        if (p.Toward.Count > 0) text += $"\n[green]+ {Markup.Escape(string.Join(", ", p.Toward.Select(t => t.Token)))}[/]";
        if (p.Against.Count > 0) text += $"\n[red]− {Markup.Escape(string.Join(", ", p.Against.Select(t => t.Token)))}[/]";
        if (p.Meaning != 0) text += $"\n[dim]sentence meaning {Formatting.Signed(p.Meaning)}[/]";
        var inputs = p.Inputs.Take(2).ToArray();
        if (inputs.Length > 0) text += $"\n[dim]via {Markup.Escape(string.Join(", ", inputs.Select(i => $"{i.Feature} {Formatting.Signed(i.Contribution)}")))}[/]";
        var absent = p.Absent.Take(3).ToArray();
        if (absent.Length > 0) text += $"\n[dim]no {Markup.Escape(string.Join(", ", absent.Select(a => $"'{a.Feature}' {Formatting.Signed(a.Contribution)}")))}[/]";
        return new Markup(text);
    }

    private static BarChart Profile(string head, IReadOnlyList<KeyValuePair<string, double>> shares)
    {
        var chart = new BarChart().Label($"[bold]{Markup.Escape(head)}[/]").Width(48).WithMaxValue(100);
        int colour = 0;
        foreach (var (label, share) in shares)
            chart.AddItem(Markup.Escape(label), Math.Round(share * 100, 1), Palette[colour++ % Palette.Length]);
        return chart;
    }
}
