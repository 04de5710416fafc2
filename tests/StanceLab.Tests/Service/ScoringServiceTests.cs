using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using StanceLab.Cli.Service;
using StanceLab.Data;
using StanceLab.Json;
using StanceLab.Modeling;
using StanceLab.Scoring;
using StanceLab.Tests.Support;

namespace StanceLab.Tests.Service;

/// <summary>The scoring service, in-process on ASP.NET Core's test server: its answers are the command's JSON, its refusals JSON errors with the right status.</summary>
public sealed class ScoringServiceTests : IAsyncLifetime
{
    private const string Article = "Russia may supply weapons to Haftar, analysts said. The talks in Geneva ended without a deal.";
    private static readonly Lazy<StanceModel> Model = new(() => ModelTrainer.Train(
        TsvCorpusReader.Read(RepositoryPaths.SeedCorpus, ["topic", "stance"]), new TrainingOptions { LabelColumns = ["topic", "stance"] }));

    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = ScoringService.Build(Model.Value, "seed.stancelab", new ServiceOptions { MaxRequestBytes = 4096, MaxArticles = 5 }, b => b.WebHost.UseTestServer());
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    private Task<HttpResponseMessage> Post(string path, string json, string contentType = "application/json") =>
        _client.PostAsync(path, new StringContent(json, Encoding.UTF8, contentType));

    private static string Json<T>(T document, Func<StanceLabJsonContext, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>> type) =>
        JsonSerializer.Serialize(document, type(StanceLabJsonContext.Writer));

    [Fact]
    public async Task Score_answers_one_article_with_the_document_score_format_json_writes()
    {
        var response = await Post("/v1/score", """{"text": "Russia may supply weapons to Haftar, analysts said. The talks in Geneva ended without a deal.", "explain": 2}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var expected = ScoreDocument.From("text", new ArticleScorer(Model.Value).Score(Article, 2));
        Assert.Equal(Json(expected, c => c.ScoreDocument), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Score_answers_several_articles_in_request_order()
    {
        var response = await Post("/v1/score", """{"articles": ["Oil prices rose on Monday.", "Troops shelled the town. The army denied it."]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var articles = doc.RootElement.GetProperty("articles").EnumerateArray().ToArray();
        Assert.Equal([1, 2], articles.Select(a => a.GetProperty("sentences").GetArrayLength()));
        Assert.Equal(["articles[0]", "articles[1]"], articles.Select(a => a.GetProperty("file").GetString()));
    }

    [Fact]
    public async Task Explain_answers_with_the_document_explain_format_json_writes()
    {
        var response = await Post("/v1/explain", """{"text": "Oil prices rose on Monday."}""");

        var expected = ExplainDocument.From("Oil prices rose on Monday.", new ArticleScorer(Model.Value, meaningByWord: true).ScoreSentence("Oil prices rose on Monday.", int.MaxValue));
        Assert.Equal(Json(expected, c => c.ExplainDocument), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_and_model_describe_the_service()
    {
        using var health = JsonDocument.Parse(await _client.GetStringAsync("/health"));
        using var model = JsonDocument.Parse(await _client.GetStringAsync("/v1/model"));

        Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());
        Assert.Equal(Model.Value.Heads[0].Classifier.Classes, model.RootElement.GetProperty("labelSets").GetProperty("topic").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("none", model.RootElement.GetProperty("encoder").GetString());
        Assert.Equal(StanceLab.Persistence.ModelFile.FormatVersion, model.RootElement.GetProperty("formatVersion").GetInt32());
    }

    public static TheoryData<string, string, string, int, string> BadRequests => new()
    {
        { "/v1/score", "{\"text\": ", "application/json", 400, "malformed JSON" },
        { "/v1/score", "{\"text\": \"   \"}", "application/json", 400, "text is empty" },
        { "/v1/score", "{}", "application/json", 400, "send {\"text\"" },
        { "/v1/score", "{\"text\": \"a\", \"articles\": [\"b\"]}", "application/json", 400, "not both" },
        { "/v1/score", "{\"articles\": [\"Oil rose.\", \"\"]}", "application/json", 400, "articles[1] is empty" },
        { "/v1/score", "{\"text\": \"Oil rose.\", \"explain\": -1}", "application/json", 400, "explain must be between 0 and 50" },
        { "/v1/score", "{\"articles\": [\"a.\", \"b.\", \"c.\", \"d.\", \"e.\", \"f.\"]}", "application/json", 413, "the limit is 5" },
        { "/v1/score", "{\"text\": \"" + new string('x', 5000) + "\"}", "application/json", 413, "the limit is 4,096" },
        { "/v1/score", "text=Oil", "application/x-www-form-urlencoded", 415, "application/json" },
        { "/v1/explain", "", "application/json", 400, "the body is empty" },
        { "/v1/explain", "{\"text\": 3}", "application/json", 400, "malformed JSON" },
        { "/v1/nothing", "{}", "application/json", 404, "no such endpoint" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_gets_a_json_error_with_its_status(string path, string body, string contentType, int status, string message)
    {
        var response = await Post(path, body, contentType);

        Assert.Equal(status, (int)response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = doc.RootElement.GetProperty("error");
        Assert.Equal(status, error.GetProperty("status").GetInt32());
        Assert.Contains(message, error.GetProperty("message").GetString());
        Assert.DoesNotContain("   at ", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_home_page_takes_a_pasted_article_and_answers_with_the_html_view()
    {
        var home = await _client.GetAsync("/");
        var scored = await _client.PostAsync("/", new FormUrlEncodedContent([KeyValuePair.Create("text", Article)]));
        var wrong = await Post("/", "{\"text\": \"x\"}");

        Assert.Equal("text/html", home.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<textarea", await home.Content.ReadAsStringAsync());
        var page = await scored.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, scored.StatusCode);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(page, "<li class=\"sentence").Count);
        Assert.Contains("class=\"tok ", page);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrong.StatusCode);
    }

    [Fact]
    public async Task A_body_without_a_length_is_still_capped()
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"text\": \"" + new string('y', 10_000) + "\"}")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = null;

        var response = await _client.PostAsync("/v1/score", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Concurrent_requests_share_the_model_and_get_what_one_request_gets()
    {
        string[] articles = ["Oil prices rose on Monday.", "Troops shelled the town overnight.", Article, "The minister resigned, sources said."];
        var alone = new List<string>();
        foreach (var a in articles) alone.Add(await (await Post("/v1/score", JsonSerializer.Serialize(new { text = a }))).Content.ReadAsStringAsync());

        var together = await Task.WhenAll(Enumerable.Range(0, 32).Select(async i =>
            (i % articles.Length, await (await Post("/v1/score", JsonSerializer.Serialize(new { text = articles[i % articles.Length] }))).Content.ReadAsStringAsync())));

        foreach (var (which, body) in together) Assert.Equal(alone[which], body);
    }
}
