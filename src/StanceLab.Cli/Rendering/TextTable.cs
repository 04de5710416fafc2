using ConsoleTables;

namespace StanceLab.Cli.Rendering;

/// <summary>One column of a <see cref="TextTable"/>; numeric columns are right-aligned.</summary>
internal sealed record TextColumn(string Name, bool Numeric = false);

/// <summary>
/// A table of plain cells that a person reads, drawn by ConsoleTables: as a terminal table or as
/// GitHub Markdown, from the same rows, so the table and Markdown views of a report cannot drift.
/// Colour, live progress and bar charts stay with Spectre.Console, which ConsoleTables lacks.
/// </summary>
internal sealed record TextTable(string? Title, IReadOnlyList<TextColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string? Caption = null)
{
    public string ToText() => Draw(Build().ToMinimalString(), titlePrefix: "", captionPrefix: "");

    public string ToMarkdown() => Draw(Build().ToMarkDownString(), titlePrefix: "**", captionPrefix: "_", markdown: true);

    private ConsoleTable Build()
    {
        foreach (var row in Rows)
            if (row.Count != Columns.Count) throw new ArgumentException($"A row has {row.Count} cells for {Columns.Count} columns.");
        // ConsoleTables right-aligns only columns it built from typed objects; numeric cells arrive as
        // formatted strings, so they (and their headers) are padded on the left to the column's width.
        var widths = Columns.Select((c, i) => c.Numeric ? Rows.Select(r => r[i].Length).Append(c.Name.Length).Max() : 0).ToArray();
        var table = new ConsoleTable(new ConsoleTableOptions
        {
            Columns = Columns.Select((c, i) => c.Numeric ? c.Name.PadLeft(widths[i]) : c.Name).ToArray(),
            EnableCount = false,
        });
        foreach (var row in Rows)
            table.AddRow(row.Select((cell, i) => (object)(Columns[i].Numeric ? cell.PadLeft(widths[i]) : cell)).ToArray());
        return table;
    }

    private string Draw(string table, string titlePrefix, string captionPrefix, bool markdown = false)
    {
        var text = new System.Text.StringBuilder();
        if (Title is not null) text.Append(titlePrefix).Append(Title).AppendLine(markdown ? "**" : "").AppendLine();
        text.Append(table.TrimEnd()).AppendLine();
        if (Caption is not null) text.AppendLine().Append(captionPrefix).Append(Caption).AppendLine(markdown ? "_" : "");
        return text.AppendLine().ToString();
    }
}
