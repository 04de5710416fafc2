using System.CommandLine;
using StanceLab.Cli.Rendering;
using StanceLab.Persistence;
using StanceLab.Scoring;

namespace StanceLab.Cli.Commands;

/// <summary><c>stancelab explain TEXT</c>: one sentence, every head, the contribution of every token.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliIo io)
    {
        var text = new Argument<string[]>("text") { Description = "The sentence (quote it, or give it as several words).", Arity = ArgumentArity.OneOrMore };
        var model = CommonOptions.Model();
        var format = CommonOptions.Format("table for people; json for programs.", OutputFormat.Table, OutputFormat.Json);
        var command = new Command("explain", "Explain the labels of one sentence token by token.") { text, model, format };
        command.SetAction(parse => CommandGuard.Run(io, () =>
        {
            var sentence = string.Join(' ', parse.GetValue(text)!).Trim();
            if (sentence.Length == 0) throw new UsageException("the sentence to explain is empty.");
            var scorer = new ArticleScorer(ModelFile.Read(ModelLocator.Resolve(parse.GetValue(model))), meaningByWord: true);
            var score = scorer.ScoreSentence(sentence, explainTop: int.MaxValue);
            if (format.Value(parse) == OutputFormat.Json) ExplainView.Json(io.Output, sentence, score);
            else ExplainView.Render(io.Out, score);
            return ExitCodes.Success;
        }));
        return command;
    }
}
