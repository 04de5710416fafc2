using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using StanceLab.Cli;
using StanceLab.Json;
using StanceLab.Tests.Cli;
using StanceLab.Tests.Support;

namespace StanceLab.Tests.Json;

/// <summary>The JSON every command writes: one versioned schema, one name per concept, documented in the README.</summary>
public sealed class JsonDocumentTests : IDisposable
{
    /// <summary>Every type the generated serializer knows from StanceLab.Json: the documents and what they contain.</summary>
    private static readonly Type[] Documents = typeof(StanceLabJsonContext).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => p.PropertyType)
        .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(System.Text.Json.Serialization.Metadata.JsonTypeInfo<>))
        .Select(t => t.GetGenericArguments()[0])
        .Where(t => t.Namespace == "StanceLab.Json")
        .ToArray();

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Every_document_of_every_command_starts_with_the_schema_version()
    {
        var model = Path.Combine(_temp.Path, "m.stancelab");
        var train = CliRun.Of("train", "--data", RepositoryPaths.SeedCorpus, "--out", model, "--encoder", "none", "--folds", "3", "--format", "json");
        var outputs = new[]
        {
            train,
            CliRun.Of("evaluate", "--data", RepositoryPaths.SeedCorpus, "--model", model, "--format", "json"),
            CliRun.WithInput("Russia may send jets. Oil fell.", "score", "-", "--model", model, "--format", "json"),
            CliRun.Of("explain", "Oil fell.", "--model", model, "--format", "json"),
            CliRun.Of("check", RepositoryPaths.SeedCorpus, "--format", "json"),
        };

        foreach (var run in outputs)
        {
            Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
            using var doc = JsonDocument.Parse(run.Output);
            Assert.Equal("schemaVersion", doc.RootElement.EnumerateObject().First().Name);
            Assert.Equal(JsonSchema.Version, doc.RootElement.GetProperty("schemaVersion").GetInt32());
        }
    }

    [Fact]
    public void Score_and_explain_name_the_token_list_alike_with_the_same_fields()
    {
        var model = Path.Combine(_temp.Path, "m.stancelab");
        Assert.Equal(ExitCodes.Success, CliRun.Of("train", "--data", RepositoryPaths.SeedCorpus, "--out", model, "--encoder", "none", "--folds", "0").ExitCode);
        var score = CliRun.WithInput("Russia may send jets.", "score", "-", "--model", model, "--format", "json");
        var explain = CliRun.Of("explain", "Russia may send jets.", "--model", model, "--format", "json");

        using var scored = JsonDocument.Parse(score.Output);
        using var explained = JsonDocument.Parse(explain.Output);
        var fromScore = scored.RootElement.GetProperty("sentences")[0].GetProperty("predictions").GetProperty("topic").GetProperty("tokens")[0];
        var fromExplain = explained.RootElement.GetProperty("predictions").GetProperty("topic").GetProperty("tokens")[0];
        Assert.Equal(fromExplain.EnumerateObject().Select(p => p.Name).Where(n => n != "meaningShare"), fromScore.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void The_README_documents_every_field_of_every_document()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var sections = new[] { "JSON output", "Scoring service" }.Select(title => Regex.Match(readme, $"## {title}\n(.*?)\n## ", RegexOptions.Singleline)).ToArray();
        Assert.All(sections, s => Assert.True(s.Success, "README lacks the JSON output or Scoring service section"));
        string documented = string.Concat(sections.Select(s => s.Groups[1].Value));
        Assert.NotEmpty(Documents);

        var missing = Fields(Documents).Where(f => !documented.Contains($"`{f}`", StringComparison.Ordinal)).Distinct().Order().ToArray();

        Assert.True(missing.Length == 0, "undocumented JSON fields: " + string.Join(", ", missing));
    }

    /// <summary>The camelCase names of every property of the documents and the records they contain.</summary>
    private static IEnumerable<string> Fields(IEnumerable<Type> roots)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(roots);
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (!seen.Add(type) || type.Namespace != "StanceLab.Json") continue;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
            {
                yield return JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                foreach (var inner in Inner(property.PropertyType)) pending.Push(inner);
            }
        }
    }

    private static IEnumerable<Type> Inner(Type type)
    {
        yield return type;
        if (type.IsArray) foreach (var t in Inner(type.GetElementType()!)) yield return t;
        if (type.IsGenericType) foreach (var arg in type.GetGenericArguments()) foreach (var t in Inner(arg)) yield return t;
    }
}
