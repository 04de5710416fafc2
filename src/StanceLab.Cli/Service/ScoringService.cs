using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StanceLab.Json;
using StanceLab.Modeling;
using StanceLab.Scoring;

namespace StanceLab.Cli.Service;

/// <summary>
/// <c>stancelab serve</c>: the model loaded once and shared by every request (it is immutable), behind
/// a small JSON API. Every answer is a documented JSON document (README: scoring service); every
/// refusal is an <see cref="ErrorDocument"/> with the right status, never a stack trace.
/// </summary>
internal static class ScoringService
{
    /// <param name="model">The model every request shares.</param>
    /// <param name="modelPath">Where it was loaded from (GET /v1/model says so).</param>
    /// <param name="options">Address and limits.</param>
    /// <param name="configure">Tests put the test server in here; the command leaves it null.</param>
    public static WebApplication Build(StanceModel model, string modelPath, ServiceOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBytes + 1);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(c => c.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, StanceLabJsonContext.Writer));
        configure?.Invoke(builder);
        var app = builder.Build();

        app.UseExceptionHandler(errors => errors.Run(http =>
        {
            var failure = http.Features.Get<IExceptionHandlerFeature>()?.Error;
            var (status, message) = failure is BadHttpRequestException bad
                ? (bad.StatusCode, bad.Message)
                : (StatusCodes.Status500InternalServerError, "the request could not be scored (an internal error; see the service's log)");
            return Write(http, status, ErrorDocument.Of(status, message), c => c.ErrorDocument);
        }));

        var info = ModelInfoDocument.From(modelPath, model);
        app.MapGet("/health", (HttpContext http) => Write(http, 200, new HealthDocument(JsonSchema.Version, "ok"), c => c.HealthDocument));
        app.MapGet("/v1/model", (HttpContext http) => Write(http, 200, info, c => c.ModelInfoDocument));
        app.MapPost("/v1/score", (HttpContext http) => Guarded(http, async () =>
        {
            var request = await JsonRequests.ReadAsync(http.Request, StanceLabJsonContext.Default.ScoreRequest, options.MaxRequestBytes, http.RequestAborted);
            int explain = request.Explain ?? 5;
            if (explain < 0 || explain > options.MaxExplain)
                throw new ServiceError(400, $"explain must be between 0 and {options.MaxExplain}, got {explain}");
            double abstain = request.Abstain ?? 0;
            if (!(abstain >= 0 && abstain <= 1))
                throw new ServiceError(400, $"abstain must be a probability between 0 and 1, got {abstain}");
            var scorer = new ArticleScorer(model, abstainBelow: abstain);
            switch (request)
            {
                case { Text: not null, Articles: not null }:
                    throw new ServiceError(400, "send either text (one article) or articles (several), not both");
                case { Text: { } text }:
                    await Write(http, 200, ScoreDocument.From("text", Score(scorer, text, "text", explain)), c => c.ScoreDocument);
                    break;
                case { Articles: { Count: > 0 } articles }:
                    if (articles.Count > options.MaxArticles)
                        throw new ServiceError(413, $"{articles.Count:N0} articles in one request; the limit is {options.MaxArticles:N0}");
                    var documents = articles.Select((a, i) => ScoreDocument.From($"articles[{i}]", Score(scorer, a, $"articles[{i}]", explain))).ToArray();
                    await Write(http, 200, new ScoreBatchDocument(JsonSchema.Version, documents), c => c.ScoreBatchDocument);
                    break;
                default:
                    throw new ServiceError(400, "send {\"text\": \"...\"} or {\"articles\": [\"...\", ...]} with at least one article");
            }
        }));
        app.MapPost("/v1/explain", (HttpContext http) => Guarded(http, async () =>
        {
            var request = await JsonRequests.ReadAsync(http.Request, StanceLabJsonContext.Default.ExplainRequest, options.MaxRequestBytes, http.RequestAborted);
            var text = request.Text?.Trim();
            if (string.IsNullOrEmpty(text)) throw new ServiceError(400, "text is missing or empty; send {\"text\": \"one sentence\"}");
            var score = new ArticleScorer(model, meaningByWord: true).ScoreSentence(text, explainTop: int.MaxValue);
            await Write(http, 200, ExplainDocument.From(text, score), c => c.ExplainDocument);
        }));
        app.MapGet("/", (HttpContext http) => WriteHtml(http, 200, Rendering.Html.ScoreHtmlView.Render("StanceLab", [], PasteForm(""))));
        app.MapPost("/", (HttpContext http) => GuardedHtml(http, async () =>
        {
            if (!http.Request.HasFormContentType)
                throw new ServiceError(StatusCodes.Status415UnsupportedMediaType, "send the form (application/x-www-form-urlencoded), or use POST /v1/score for JSON");
            if (http.Request.ContentLength > options.MaxRequestBytes)
                throw new ServiceError(StatusCodes.Status413PayloadTooLarge, $"the article is over the limit of {options.MaxRequestBytes:N0} bytes");
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            string text = form["text"].ToString();
            var score = Score(new ArticleScorer(model), text, "the article", 5);
            await WriteHtml(http, 200, Rendering.Html.ScoreHtmlView.Render("StanceLab", [("your article", score)], PasteForm(text)));
        }));
        app.MapFallback((HttpContext http) => Write(http, 404, ErrorDocument.Of(404, $"no such endpoint: {http.Request.Method} {http.Request.Path}; see GET /health, GET /v1/model, POST /v1/score, POST /v1/explain"), c => c.ErrorDocument));
        return app;
    }

    private static ArticleScore Score(ArticleScorer scorer, string text, string field, int explain)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ServiceError(400, $"{field} is empty");
        var score = scorer.Score(text, explain);
        return score.IsEmpty ? throw new ServiceError(400, $"{field} has no sentence to score") : score;
    }

    private static async Task Guarded(HttpContext http, Func<Task> handle)
    {
        try
        {
            await handle();
        }
        catch (ServiceError e)
        {
            await Write(http, e.Status, ErrorDocument.Of(e.Status, e.Message), c => c.ErrorDocument);
        }
    }

    /// <summary>The paste box of GET /: a plain form, so the page needs no script.</summary>
    private static string PasteForm(string text) =>
        $"<form method=\"post\" action=\"/\"><label for=\"text\">Paste an article (one sentence per line is not needed; the splitter finds them):</label><textarea id=\"text\" name=\"text\">{Rendering.Html.HtmlPage.Escape(text)}</textarea><button type=\"submit\">Score</button></form>";

    private static async Task GuardedHtml(HttpContext http, Func<Task> handle)
    {
        try
        {
            await handle();
        }
        catch (ServiceError e)
        {
            await WriteHtml(http, e.Status, Rendering.Html.HtmlPage.Render("StanceLab: cannot score", $"<h1>Cannot score this</h1><p class=\"warning\">{Rendering.Html.HtmlPage.Escape(e.Message)}</p>{PasteForm("")}"));
        }
    }

    private static Task WriteHtml(HttpContext http, int status, string page)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        return http.Response.WriteAsync(page, http.RequestAborted);
    }

    private static Task Write<T>(HttpContext http, int status, T document, Func<StanceLabJsonContext, JsonTypeInfo<T>> type)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(JsonSerializer.Serialize(document, type(StanceLabJsonContext.Writer)), http.RequestAborted);
    }
}
