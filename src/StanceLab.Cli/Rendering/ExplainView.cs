using StanceLab.Json;
using Spectre.Console;
using StanceLab.Scoring;

namespace StanceLab.Cli.Rendering;

/// <summary>One sentence explained for people: for every head, each token's contribution to the chosen label's logit.</summary>
internal static class ExplainView
{
    /// <summary>{"text", "predictions": {head: {"label", "probability", "baseValue", "logit", "meaning", "tokens": [...]}}} on one line; baseValue + meaning + Σ tokens + Σ absent = logit.</summary>
    public static void Json(TextWriter output, string text, SentenceScore score) =>
        JsonOutput.WriteLine(output, ExplainDocument.From(text, score), c => c.ExplainDocument);

    public static void Render(IAnsiConsole console, SentenceScore score)
    {
        console.Write(new Rule("[bold]explain[/]") { Justification = Justify.Left });
        console.WriteLine(score.Sentence.Text);
        if (score.Unsure)
            console.MarkupLine($"[yellow]unsure: only {Formatting.Percent(score.Coverage)} of its words are known to the model; the labels below are best guesses.[/]");
        foreach (var p in score.Predictions)
        {
            console.WriteLine();
            var probabilities = string.Join("  ", p.Probabilities.OrderByDescending(q => q.Value).Select(q => $"{q.Key} {Formatting.Ratio(q.Value)}"));
            console.MarkupLine($"[bold]{Markup.Escape(p.Column)}[/]: [bold]{Markup.Escape(p.Label)}[/] ({Formatting.Ratio(p.Probability)})   [dim]{Markup.Escape(probabilities)}[/]");
            if (p.IsStacked) RenderInputs(console, p);
            var magnitudes = p.Tokens.Select(t => Math.Abs(t.Contribution)).Concat(p.Absent.Select(a => Math.Abs(a.Contribution))).Append(Math.Abs(p.Meaning)).ToArray();
            double scale = magnitudes.Length == 0 ? 1 : Math.Max(1e-12, magnitudes.Max());
            bool hasMeaning = p.Meaning != 0 && !p.IsStacked;
            string sum = (hasMeaning ? "sentence meaning + " : "") + (p.Absent.Count == 0 ? "Σ tokens" : "Σ tokens + Σ absent features");
            string caption = p.IsStacked
                ? $"the words behind the linear '{Markup.Escape(p.Column)}' input: their contributions to its logit of '{Markup.Escape(p.Label)}'"
                : $"logit of '{Markup.Escape(p.Label)}' = base {Formatting.Signed(p.BaseValue)} + {sum} = {Formatting.Signed(p.Logit)}"
                    + (p.Temperature is { } temperature ? $"; probabilities = softmax(logits / temperature {Formatting.Ratio(temperature)})" : "");
            var table = new Table().Border(TableBorder.Rounded)
                .Caption(caption)
                .AddColumn("token").AddColumn(new TableColumn("chars").RightAligned()).AddColumn(new TableColumn("contribution").RightAligned()).AddColumn("");
            bool shares = hasMeaning && p.Tokens.Any(t => t.MeaningShare is not null);
            if (shares) table.AddColumn(new TableColumn("≈ meaning share").RightAligned());
            foreach (var t in p.Tokens)
            {
                int width = (int)Math.Round(Math.Abs(t.Contribution) / scale * 24);
                var bar = t.Contribution >= 0 ? $"[green]{new string('█', width)}[/]" : $"[red]{new string('█', width)}[/]";
                var cells = new List<Spectre.Console.Rendering.IRenderable> { new Spectre.Console.Text(t.Token), new Spectre.Console.Text($"{t.Start}–{t.End}"), new Spectre.Console.Text(Formatting.Signed(t.Contribution)), new Markup(bar) };
                if (shares) cells.Add(new Markup($"[dim]{(t.MeaningShare is { } m ? Formatting.Signed(m) : "")}[/]"));
                table.AddRow(cells);
            }
            if (hasMeaning)
            {
                int width = (int)Math.Round(Math.Abs(p.Meaning) / scale * 24);
                var bar = p.Meaning >= 0 ? $"[green]{new string('█', width)}[/]" : $"[red]{new string('█', width)}[/]";
                var cells = new List<Spectre.Console.Rendering.IRenderable> { new Markup("[italic]sentence meaning[/]"), new Spectre.Console.Text("all"), new Spectre.Console.Text(Formatting.Signed(p.Meaning)), new Markup(bar) };
                if (shares) cells.Add(new Spectre.Console.Text(""));
                table.AddRow(cells);
            }
            foreach (var a in p.Absent)
            {
                int width = (int)Math.Round(Math.Abs(a.Contribution) / scale * 24);
                var bar = a.Contribution >= 0 ? $"[green]{new string('█', width)}[/]" : $"[red]{new string('█', width)}[/]";
                var cells = new List<Spectre.Console.Rendering.IRenderable> { new Markup($"[dim](absent)[/] {Markup.Escape(a.Feature)}"), new Spectre.Console.Text("–"), new Spectre.Console.Text(Formatting.Signed(a.Contribution)), new Markup(bar) };
                if (shares) cells.Add(new Spectre.Console.Text(""));
                table.AddRow(cells);
            }
            console.Write(table);
        }
    }

    /// <summary>A stacked head's inputs with their exact contributions, which add up to its logit.</summary>
    private static void RenderInputs(IAnsiConsole console, StanceLab.Scoring.HeadPrediction p)
    {
        double scale = Math.Max(1e-12, p.Inputs.Max(i => Math.Abs(i.Contribution)));
        var table = new Table().Border(TableBorder.Rounded)
            .Caption($"stacked: logit of '{Markup.Escape(p.Label)}' = base {Formatting.Signed(p.BaseValue)} + Σ inputs = {Formatting.Signed(p.Logit)}")
            .AddColumn("input").AddColumn(new TableColumn("contribution").RightAligned()).AddColumn("");
        foreach (var i in p.Inputs)
        {
            int width = (int)Math.Round(Math.Abs(i.Contribution) / scale * 24);
            var bar = i.Contribution >= 0 ? $"[green]{new string('█', width)}[/]" : $"[red]{new string('█', width)}[/]";
            table.AddRow(new Spectre.Console.Text(i.Feature), new Spectre.Console.Text(Formatting.Signed(i.Contribution)), new Markup(bar));
        }
        console.Write(table);
    }
}
