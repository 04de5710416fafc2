using StanceLab.Cli;
using StanceLab.Tests.Support;

namespace StanceLab.Tests.Cli;

/// <summary>Bad input gives one clear line naming file, line and problem, a non-zero exit, and never a damaged model.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("stancelab-bad-").FullName;
    private string ModelPath => Path.Combine(_dir, "model.stancelab");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Good() => SampleCorpus.WriteTsv(Path.Combine(_dir, "good.tsv"));

    private string TrainedModel()
    {
        Assert.Equal(ExitCodes.Success, CliRun.Of("train", "--data", Good(), "--out", ModelPath, "--folds", "0").ExitCode);
        return ModelPath;
    }

    private string File(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public static TheoryData<string, string, string> BrokenFiles() => new()
    {
        { "columns.tsv", "id\tsource\ttext\ttopic\tstance\n1\ta\tSome text.\tdiplomacy\n", ":2: has 4 columns, the header has 5" },
        { "nolabel.tsv", "id\tsource\ttext\ttopic\n1\ta\tSome text.\tdiplomacy\n", ":1: missing column 'stance'" },
        { "emptylabel.tsv", "id\tsource\ttext\ttopic\tstance\n1\ta\tSome text.\tdiplomacy\treport\n2\ta\tMore text.\t\treport\n", ":3: empty label in column 'topic'" },
        { "emptytext.tsv", "id\tsource\ttext\ttopic\tstance\n1\ta\t  \tdiplomacy\treport\n", ":2: empty text" },
        { "dupid.tsv", "id\tsource\ttext\ttopic\tstance\n1\ta\tSome text.\tdiplomacy\treport\n1\ta\tMore text.\tother\treport\n", ":3: duplicate id '1' (first at line 2)" },
        { "empty.tsv", "", ": file is empty" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void A_broken_data_file_fails_with_file_line_and_problem_and_leaves_the_earlier_model_intact(string name, string content, string expected)
    {
        Assert.Equal(ExitCodes.Success, CliRun.Of("train", "--data", Good(), "--out", ModelPath, "--folds", "0").ExitCode);
        var before = System.IO.File.ReadAllBytes(ModelPath);
        var broken = File(name, content);

        var run = CliRun.Of("train", "--data", Good(), broken, "--out", ModelPath, "--folds", "0");

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"error: {broken}", line);
        Assert.Contains(expected, line);
        Assert.Equal(before, System.IO.File.ReadAllBytes(ModelPath));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_its_line()
    {
        var path = Path.Combine(_dir, "latin1.tsv");
        System.IO.File.WriteAllBytes(path, [.. "id\tsource\ttext\ttopic\tstance\n1\ta\tOK.\tother\treport\n2\ta\tCaf"u8, 0xE9, .. "\tother\treport\n"u8]);
        var run = CliRun.Of("train", "--data", path, "--out", ModelPath, "--folds", "0");
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains($"{path}:3: invalid UTF-8", run.Error);
        Assert.False(System.IO.File.Exists(ModelPath));
    }

    [Fact]
    public void A_missing_data_file_is_named()
    {
        var missing = Path.Combine(_dir, "nope.tsv");
        var run = CliRun.Of("train", "--data", missing, "--out", ModelPath);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal($"error: {missing}: file not found", Assert.Single(run.ErrorLines));
        Assert.False(System.IO.File.Exists(ModelPath));
    }

    [Fact]
    public void A_duplicate_id_across_two_files_names_both_places()
    {
        var a = File("a.tsv", "id\tsource\ttext\ttopic\tstance\nx1\ta\tSome text.\tdiplomacy\treport\nx2\ta\tOther text.\tother\treport\n");
        var b = File("b.tsv", "id\tsource\ttext\ttopic\tstance\nx1\tb\tMore text.\tother\treport\n");
        var run = CliRun.Of("train", "--data", a, b, "--out", ModelPath, "--folds", "0");
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains($"{b}:2: duplicate id 'x1' (first seen at {a}:2)", run.Error);
    }

    [Fact]
    public void More_folds_than_sources_is_a_usage_error_that_says_how_many_sources_there_are()
    {
        var run = CliRun.Of("train", "--data", Good(), "--out", ModelPath, "--folds", "9");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("only 6 sources", run.Error);
        Assert.False(System.IO.File.Exists(ModelPath));
    }

    [Fact]
    public void Data_with_a_single_class_fails_clearly()
    {
        var path = File("one.tsv", "id\tsource\ttext\ttopic\tstance\n1\ta\tSome text.\tother\treport\n2\tb\tMore text.\tother\treport\n");
        var run = CliRun.Of("train", "--data", path, "--out", ModelPath, "--folds", "0");
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("at least two classes", run.Error);
        Assert.False(System.IO.File.Exists(ModelPath));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n \t\n")]
    public void Scoring_an_empty_article_says_so_without_crashing(string content)
    {
        CliRun.Of("train", "--data", Good(), "--out", ModelPath, "--folds", "0");
        var article = File("empty.txt", content);
        var run = CliRun.Of("score", article, "--model", ModelPath);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains($"{article}: the article is empty", run.Error);
    }

    [Fact]
    public void A_damaged_model_file_is_reported_as_such()
    {
        var path = File("broken.stancelab", "this is not a model");
        var run = CliRun.Of("explain", "Some text.", "--model", path);
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("not a StanceLab model file", run.Error);
    }

    [Theory]
    [InlineData("train")]
    [InlineData("train", "--data", "x.tsv", "--folds", "many")]
    [InlineData("score", "--format", "xml")]
    [InlineData("frobnicate")]
    public void A_wrong_command_line_is_a_usage_error(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("error:", run.Error);
    }

    [Fact]
    public void A_head_that_does_not_converge_is_written_with_a_warning()
    {
        var run = CliRun.Of("train", "--data", Good(), "--out", ModelPath, "--folds", "0", "--max-iterations", "2");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("warning: head 'topic' did not converge (StoppedEarly; convergence measure ", run.Error);
        Assert.False(StanceLab.Persistence.ModelFile.Read(ModelPath).Metadata.Training.Single(t => t.Column == "topic").Converged);
    }

    [Fact]
    public void A_converged_fit_gives_no_warning_and_records_its_convergence()
    {
        var run = CliRun.Of("train", "--data", Good(), "--out", ModelPath, "--folds", "0");
        Assert.DoesNotContain("warning", run.Error);
        Assert.All(StanceLab.Persistence.ModelFile.Read(ModelPath).Metadata.Training, t => Assert.True(t.Converged, t.Stop));
    }

    [Fact]
    public void Binary_garbage_given_to_score_is_bad_data_naming_the_file_and_line()
    {
        var path = System.IO.Path.Combine(_dir, "garbage.bin");
        System.IO.File.WriteAllBytes(path, [.. "A fine first line.\nSecond line "u8.ToArray(), 0xFF, 0xFE, 0x00, 0xC3]);
        var run = CliRun.Of("score", path, "--model", TrainedModel());
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains($"{path}:2: invalid UTF-8", run.Error);
    }

    [Fact]
    public void A_directory_given_as_an_article_is_named_as_a_directory()
    {
        var run = CliRun.Of("score", _dir, "--model", TrainedModel());
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"{_dir}: is a directory", run.Error);
    }

    [Fact]
    public void A_minimum_document_frequency_that_keeps_no_feature_is_refused_and_writes_no_model()
    {
        var run = CliRun.Of("train", "--data", Good(), "--out", ModelPath, "--folds", "0", "--min-df", "100000", "--encoder", "none");
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("No feature occurs in at least 100000", run.Error);
        Assert.False(System.IO.File.Exists(ModelPath));
    }

    [Fact]
    public void Train_refuses_a_label_that_labels_json_beside_the_data_does_not_allow_as_check_does()
    {
        var dir = Directory.CreateDirectory(System.IO.Path.Combine(_dir, "data")).FullName;
        System.IO.File.WriteAllText(System.IO.Path.Combine(dir, "labels.json"), """{"topic": ["diplomacy", "other"], "stance": ["report", "opinion"]}""");
        var tsv = System.IO.Path.Combine(dir, "rows.tsv");
        System.IO.File.WriteAllText(tsv, "id\tsource\ttext\ttopic\tstance\n1\ta\tTalks began.\tdiplomacy\treport\n2\tb\tThe team won.\tsports\treport\n3\tc\tA fine result.\tother\topinion\n");

        var run = CliRun.Of("train", "--data", dir, "--out", ModelPath, "--folds", "0", "--encoder", "none");
        var check = CliRun.Of("check", dir);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains($"{tsv}:3: label 'sports' in column 'topic' is not allowed", run.Error);
        Assert.Equal(ExitCodes.Failure, check.ExitCode);
        Assert.False(System.IO.File.Exists(ModelPath));
    }

    [Fact]
    public void An_out_path_under_an_existing_file_is_refused_before_any_training_naming_that_file()
    {
        var blocker = File("blocker", "not a folder");
        var run = CliRun.Of("train", "--data", Good(), "--out", System.IO.Path.Combine(blocker, "m.stancelab"), "--encoder", "none");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"{blocker} is a file, so no folder can be made under it", run.Error);
        Assert.DoesNotContain("Cross-validation", run.Error);
    }

    [Fact]
    public void An_out_path_that_is_a_directory_is_refused_before_any_training()
    {
        var run = CliRun.Of("train", "--data", Good(), "--out", _dir, "--encoder", "none");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("is a directory; name the model file to write", run.Error);
    }

    [Theory]
    [InlineData("--c", "-1", "--c must be a positive number, got -1.")]
    [InlineData("--min-df", "0", "--min-df must be at least 1, got 0.")]
    [InlineData("--word-ngrams", "0", "--word-ngrams must be at least 1, got 0.")]
    [InlineData("--max-iterations", "0", "--max-iterations must be at least 1, got 0.")]
    public void An_option_out_of_range_is_a_usage_error_naming_the_flag_not_the_library_type(string flag, string value, string expected)
    {
        var run = CliRun.Of("train", "--data", Good(), "--out", ModelPath, "--folds", "0", flag, value);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.DoesNotContain("Options.", run.Error);
    }

    [Fact]
    public void An_article_in_a_language_the_model_does_not_know_is_marked_unsure_in_every_view_with_a_warning()
    {
        var model = TrainedModel();
        var arabic = File("arabic.txt", "قالت وزارة الخارجية إن المحادثات ستستأنف الأسبوع المقبل في القاهرة.");

        var json = CliRun.Of("score", arabic, "--model", model, "--format", "json");
        var table = CliRun.Of("score", arabic, "--model", model);
        var explain = CliRun.Of("explain", "قالت وزارة الخارجية إن المحادثات ستستأنف", "--model", model);

        var sentence = System.Text.Json.JsonDocument.Parse(json.Output).RootElement.GetProperty("sentences")[0];
        Assert.True(sentence.GetProperty("unsure").GetBoolean());
        Assert.Equal(0.0, sentence.GetProperty("coverage").GetDouble());
        Assert.Contains("low coverage", json.Error);
        Assert.Contains("unsure (best guess", table.Output);
        Assert.Contains("1 sentence ", table.Output);
        Assert.Contains("unsure: only 0.0% of its words are known", explain.Output);
    }

    [Fact]
    public void A_sentence_in_the_models_vocabulary_is_not_unsure()
    {
        var json = CliRun.Of("score", File("known.txt", "Russia and Libya held talks about weapons."), "--model", TrainedModel(), "--format", "json");
        var sentence = System.Text.Json.JsonDocument.Parse(json.Output).RootElement.GetProperty("sentences")[0];
        Assert.False(sentence.GetProperty("unsure").GetBoolean());
        Assert.True(sentence.GetProperty("coverage").GetDouble() >= 0.5);
        Assert.DoesNotContain("low coverage", json.Error);
    }

    [Fact]
    public void An_unknown_option_after_a_file_list_is_a_usage_error_before_anything_is_scored_or_trained()
    {
        var model = TrainedModel();
        var article = File("article.txt", "Russia and Libya held talks.");

        var score = CliRun.Of("score", article, "--bogus", "1", "--model", model);
        var train = CliRun.Of("train", "--data", Good(), "--bogus", "1", "--out", System.IO.Path.Combine(_dir, "other.stancelab"));

        Assert.Equal(ExitCodes.Usage, score.ExitCode);
        Assert.Contains("unknown option '--bogus'", score.Error);
        Assert.Equal("", score.Output);
        Assert.Equal(ExitCodes.Usage, train.ExitCode);
        Assert.Contains("unknown option '--bogus'", train.Error);
        Assert.DoesNotContain("Read ", train.Error);
    }

    [Fact]
    public void Check_reports_invalid_utf8_and_every_other_problem_of_the_file()
    {
        var path = System.IO.Path.Combine(_dir, "mixed.tsv");
        System.IO.File.WriteAllBytes(path, [
            .. "id\tsource\ttext\ttopic\tstance\n1\ta\tFine text.\tdiplomacy\treport\n"u8.ToArray(),
            .. "2\ta\tBad "u8.ToArray(), 0xC3, 0x28, .. " byte.\tother\treport\n"u8.ToArray(),
            .. "3\ta\tShort row.\tother\n4\ta\t  \tother\treport\n5\tb\tMore fine text.\tother\treport\n"u8.ToArray(),
        ]);

        var run = CliRun.Of("check", path, "--labels", "topic,stance");

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains($"{path}:3", run.Output);
        Assert.Contains("invalid UTF-8", run.Output);
        Assert.Contains($"{path}:4", run.Output);
        Assert.Contains($"{path}:5", run.Output);
        Assert.Contains("2 sentences", run.Output);
    }
}
