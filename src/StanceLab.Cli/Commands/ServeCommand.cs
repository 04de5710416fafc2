using System.CommandLine;
using StanceLab.Cli.Service;
using StanceLab.Persistence;

namespace StanceLab.Cli.Commands;

/// <summary><c>stancelab serve</c>: the scoring service on the given address until stopped (Ctrl+C).</summary>
internal static class ServeCommand
{
    public static Command Create(CliIo io)
    {
        var model = CommonOptions.Model();
        var urls = new Option<string>("--urls") { Description = "Where to listen (separate several with ';').", DefaultValueFactory = _ => ServiceOptions.DefaultUrls };
        var maxKb = new Option<int>("--max-request-kb") { Description = "Largest request body accepted, in KiB; a larger one is answered 413.", DefaultValueFactory = _ => (int)(new ServiceOptions().MaxRequestBytes / 1024) };
        var command = new Command("serve", "Serve the model over HTTP: POST /v1/score and /v1/explain, GET /v1/model and /health (JSON).") { model, urls, maxKb };
        command.SetAction(parse => CommandGuard.Run(io, () =>
        {
            if (parse.GetValue(maxKb) < 1) throw new UsageException($"--max-request-kb must be at least 1, got {parse.GetValue(maxKb)}.");
            var path = ModelLocator.Resolve(parse.GetValue(model));
            var loaded = ModelFile.Read(path);
            var options = new ServiceOptions { Urls = parse.GetValue(urls)!, MaxRequestBytes = parse.GetValue(maxKb) * 1024L };
            var app = ScoringService.Build(loaded, path, options);
            app.Lifetime.ApplicationStarted.Register(() => io.ErrorWriter.WriteLine($"Serving {path} on {string.Join(", ", app.Urls)} (Ctrl+C stops)."));
            app.Run();
            return ExitCodes.Success;
        }));
        return command;
    }
}
