using System.CommandLine;
using StanceLab.Cli.Rendering;
using StanceLab.Persistence;
using StanceLab.Scoring;

namespace StanceLab.Cli.Commands;

/// <summary><c>stancelab score</c>: every sentence of each article gets labels, probabilities and its driving tokens; then the article's profile.</summary>
internal static class ScoreCommand
{
    public static Command Create(CliIo io)
    {
        var files = new Argument<string[]>("files") { Description = "Article text files; '-' (or nothing, with piped input) reads standard input.", Arity = ArgumentArity.ZeroOrMore };
        var model = CommonOptions.Model();
        var explain = new Option<int>("--explain", "-k") { Description = "How many tokens to show toward and against each label.", DefaultValueFactory = _ => 3 };
        var format = CommonOptions.Format("table for people; json for programs (one object per article, one per line); html: one self-contained page of every article, to open in a browser.", OutputFormat.Table, OutputFormat.Json, OutputFormat.Html);
        var lines = new Option<bool>("--lines") { Description = "Each line of the input is one article: stream them, writing one JSON object per article (with its line number) in input order; memory stays flat however large the input. Needs --format json." };
        var meaningByWord = new Option<bool>("--meaning-by-word") { Description = "With a sentence encoder: also split each label's sentence-meaning contribution onto the words by leave-one-word-out occlusion (approximate; one encoder run per word)." };
        var abstain = new Option<double>("--abstain") { Description = "Mark a head's label unsure (a best guess) when its top probability is under P, in every view; evaluate's accuracy-coverage table helps choose P. 0: never.", DefaultValueFactory = _ => 0, HelpName = "P" };
        var command = new Command("score", "Score articles sentence by sentence and profile each article.") { files, model, explain, format, lines, meaningByWord, abstain };
        command.SetAction(parse => CommandGuard.Run(io, () =>
        {
            int k = parse.GetValue(explain);
            if (k < 0) throw new UsageException($"--explain {k}: must be 0 or more.");
            double abstainBelow = parse.GetValue(abstain);
            if (!(abstainBelow >= 0 && abstainBelow <= 1)) throw new UsageException($"--abstain must be a probability between 0 and 1, got {abstainBelow}.");
            var paths = parse.GetValue(files) ?? [];
            if (paths.Length == 0)
            {
                if (!io.InputIsRedirected) throw new UsageException("give article files to score, or '-' to read standard input.");
                paths = ["-"];
            }
            if (parse.GetValue(lines) && format.Value(parse) != OutputFormat.Json)
                throw new UsageException("--lines writes JSON lines: add --format json.");
            var scorer = new ArticleScorer(ModelFile.Read(ModelLocator.Resolve(parse.GetValue(model))), meaningByWord: parse.GetValue(meaningByWord), abstainBelow: abstainBelow);
            if (parse.GetValue(lines))
            {
                foreach (var path in paths)
                {
                    var summary = LineArticles.Score(io, path, scorer, k);
                    var where = path == "-" ? "<stdin>" : path;
                    io.ErrorWriter.WriteLine($"{where}: scored {Formatting.Count(summary.Articles, "article")} ({Formatting.Count(summary.Sentences, "sentence")}) from {Formatting.Count(summary.Lines, "line")}.");
                    if (summary.EmptyLineCount > 0)
                        io.ErrorWriter.WriteLine($"{where}: skipped {summary.EmptyLineCount:N0} empty line(s): {string.Join(", ", summary.EmptyLines)}{(summary.EmptyLineCount > summary.EmptyLines.Count ? ", ..." : "")}");
                }
                return ExitCodes.Success;
            }
            int empty = 0;
            var page = new List<(string File, ArticleScore Score)>();
            foreach (var path in paths)
            {
                string name = path == "-" ? "<stdin>" : path;
                var score = scorer.Score(ArticleInput.Read(io, path), k);
                if (score.IsEmpty)
                {
                    io.ErrorWriter.WriteLine($"error: {name}: the article is empty (no sentences to score)");
                    empty++;
                    continue;
                }
                int unsure = score.Sentences.Count(s => s.Unsure);
                if (unsure > 0)
                    io.ErrorWriter.WriteLine($"warning: {name}: {unsure} of {score.Sentences.Count} sentence(s) have low coverage (under {Rendering.Formatting.Percent(SentenceScore.UnsureBelow)} of their words known to the model); their labels are marked unsure.");
                switch (format.Value(parse))
                {
                    case OutputFormat.Json: ScoreJsonView.Write(io.Output, name, score); break;
                    case OutputFormat.Html: page.Add((name, score)); break;
                    default: ScoreTableView.Render(io.Out, name, score); break;
                }
            }
            if (format.Value(parse) == OutputFormat.Html && page.Count > 0)
                io.Output.Write(Rendering.Html.ScoreHtmlView.Render("StanceLab: scored articles", page));
            return empty == 0 ? ExitCodes.Success : ExitCodes.Failure;
        }));
        return command;
    }
}
