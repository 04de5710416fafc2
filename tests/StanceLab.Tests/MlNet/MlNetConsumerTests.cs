using System.Text.RegularExpressions;
using Microsoft.ML;
using Microsoft.ML.Data;
using StanceLab.MlNet;
using StanceLab.Persistence;
using StanceLab.Scoring;
using StanceLab.Tests.Support;

namespace StanceLab.Tests.MlNet;

// BEGIN README TYPES
public sealed class NewsSentence
{
    public string Text { get; set; } = "";
}

public sealed class NewsPrediction
{
    [ColumnName("topic.PredictedLabel")] public string Topic { get; set; } = "";
    [ColumnName("topic.Probability")] public double TopicProbability { get; set; }
    [ColumnName("topic.Scores")] public double[] TopicScores { get; set; } = [];
    [ColumnName("stance.PredictedLabel")] public string Stance { get; set; } = "";
    [ColumnName("stance.Probability")] public double StanceProbability { get; set; }
    [ColumnName("Coverage")] public double Coverage { get; set; }
}
// END README TYPES

/// <summary>
/// The README's ML.NET example, compiled and run here exactly as printed there (the regions
/// marked README are compared with the README's code blocks): a plain ML.NET program loads the
/// shipped model and gets the probabilities <c>stancelab score</c> gives.
/// </summary>
[Collection(WorkingDirectoryCollection.Name)]
public sealed class MlNetConsumerTests : IDisposable
{
    private const string Sentence = "Russia may supply weapons to Haftar, analysts said.";
    private static readonly string[] BatchSentences = ["The talks in Geneva ended without a deal.", "Oil prices rose 3% on Monday."];
    private readonly string _original = Directory.GetCurrentDirectory();

    public MlNetConsumerTests() => Directory.SetCurrentDirectory(RepositoryPaths.Root);

    public void Dispose() => Directory.SetCurrentDirectory(_original);

    private static (NewsPrediction Prediction, string[] Topics) RunReadmeExample()
    {
        // BEGIN README EXAMPLE
        var mlContext = new MLContext();
        var model = mlContext.Model.LoadStanceLab("models/news.stancelab");

        // One sentence at a time (a PredictionEngine is for one thread; the model may be shared):
        var engine = mlContext.Model.CreatePredictionEngine<NewsSentence, NewsPrediction>(model);
        var prediction = engine.Predict(new NewsSentence { Text = "Russia may supply weapons to Haftar, analysts said." });

        // Or many at once, as an IDataView:
        var sentences = mlContext.Data.LoadFromEnumerable(new[]
        {
            new NewsSentence { Text = "The talks in Geneva ended without a deal." },
            new NewsSentence { Text = "Oil prices rose 3% on Monday." },
        });
        var topics = model.Transform(sentences).GetColumn<string>("topic.PredictedLabel").ToArray();
        // END README EXAMPLE
        return (prediction, topics);
    }

    [Fact]
    public void The_README_shows_exactly_the_example_this_test_runs()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "StanceLab.Tests", "MlNet", "MlNetConsumerTests.cs"));
        var blocks = Regex.Matches(readme, "```csharp\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToArray();

        Assert.Contains(Region(source, "README EXAMPLE"), blocks.Select(Dedent));
        Assert.Contains(Region(source, "README TYPES"), blocks.Select(Dedent));
    }

    [Fact]
    public void The_README_example_gives_the_probabilities_stancelab_score_gives()
    {
        var (prediction, topics) = RunReadmeExample();

        var scorer = new ArticleScorer(ModelFile.Read(Path.Combine("models", "news.stancelab")));
        var expected = scorer.ScoreSentence(Sentence, explainTop: 0);
        var topic = expected.For("topic");
        var stance = expected.For("stance");
        Assert.Equal(topic.Label, prediction.Topic);
        Assert.Equal(topic.Probability, prediction.TopicProbability);
        Assert.Equal(topic.Probabilities.Select(p => p.Value), prediction.TopicScores);
        Assert.Equal(stance.Label, prediction.Stance);
        Assert.Equal(stance.Probability, prediction.StanceProbability);
        Assert.Equal(expected.Coverage, prediction.Coverage);
        Assert.Equal(BatchSentences.Select(s => scorer.ScoreSentence(s, explainTop: 0).For("topic").Label), topics);
    }

    [Fact]
    public void Class_scores_carry_the_class_names_as_slot_names_and_sum_to_one()
    {
        var mlContext = new MLContext();
        var model = mlContext.Model.LoadStanceLab("models/news.stancelab");
        var scored = model.Transform(mlContext.Data.LoadFromEnumerable(BatchSentences.Select(t => new NewsSentence { Text = t })));

        VBuffer<ReadOnlyMemory<char>> names = default;
        scored.Schema["stance.Scores"].GetSlotNames(ref names);
        Assert.Equal(model.Model.Head("stance").Classifier.Classes, names.DenseValues().Select(n => n.ToString()));
        foreach (var row in scored.GetColumn<double[]>("stance.Scores")) Assert.Equal(1.0, row.Sum(), 12);
        // The input's own columns pass through.
        Assert.Equal(BatchSentences, scored.GetColumn<string>("Text"));
    }

    [Fact]
    public void An_input_without_the_text_column_is_refused_with_the_columns_it_has()
    {
        var mlContext = new MLContext();
        var model = mlContext.Model.LoadStanceLab("models/news.stancelab", inputColumn: "Sentence");
        var data = mlContext.Data.LoadFromEnumerable(new[] { new NewsSentence { Text = Sentence } });

        var error = Assert.Throws<ArgumentException>(() => model.Transform(data));

        Assert.Contains("no column 'Sentence'", error.Message);
        Assert.Contains("Text", error.Message);
    }

    [Fact]
    public void Saving_as_an_ML_NET_zip_says_to_keep_the_StanceLab_file()
    {
        var mlContext = new MLContext();
        var model = mlContext.Model.LoadStanceLab("models/news.stancelab");
        var data = mlContext.Data.LoadFromEnumerable(new[] { new NewsSentence { Text = Sentence } });

        var error = Assert.ThrowsAny<Exception>(() => mlContext.Model.Save(model, data.Schema, new MemoryStream()));

        Assert.Contains("LoadStanceLab", (error.InnerException ?? error).Message);
    }

    [Fact]
    public void A_damaged_model_file_is_a_model_format_error_as_for_the_command()
    {
        using var temp = new TempDirectory();
        var bytes = File.ReadAllBytes(Path.Combine("models", "news.stancelab"));
        var path = temp.WriteBytes("cut.stancelab", bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<ModelFormatException>(() => new MLContext().Model.LoadStanceLab(path));

        Assert.StartsWith("truncated", error.Problem, StringComparison.Ordinal);
    }

    /// <summary>The lines between <c>// BEGIN name</c> and <c>// END name</c>, dedented.</summary>
    private static string Region(string source, string name)
    {
        var match = Regex.Match(source, $"// BEGIN {name}\n(.*?)\n[ ]*// END {name}", RegexOptions.Singleline);
        Assert.True(match.Success, $"no region {name}");
        return Dedent(match.Groups[1].Value + "\n");
    }

    private static string Dedent(string block)
    {
        var lines = block.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        int indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart(' ').Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart(' '))) + "\n";
    }
}
