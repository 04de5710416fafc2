using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using StanceLab.Data;
using StanceLab.Encoders;
using StanceLab.Features;
using StanceLab.MlNet;
using StanceLab.Modeling;
using StanceLab.Persistence;
using StanceLab.Scoring;

namespace StanceLab.Bench;

/// <summary>
/// --mlnet-consumer: what scoring through ML.NET costs against StanceLab's own path, on the same
/// model and sentences, one thread: StanceLab's featurize + predict of every head, the ML.NET
/// PredictionEngine over <see cref="StanceLabTransformer"/>, and a batched ML.NET Transform. Two
/// models: the shipped one (n-grams + MiniLM encoder) and the same trained without the encoder, where
/// ML.NET's own overhead shows. Medians of 3 passes over 500 sentences of training-data/.
/// </summary>
internal static class MlNetConsumerCheck
{
    private sealed class Row
    {
        public string Text { get; set; } = "";
    }

    private sealed class Prediction
    {
        [ColumnName("topic.PredictedLabel")] public string Topic { get; set; } = "";
    }

    public static int Run(string root, string results, bool quick)
    {
        var files = Directory.GetFiles(Path.Combine(root, "training-data"), "*.tsv").Order(StringComparer.Ordinal).ToArray();
        var rows = TsvCorpusReader.ReadAll(files, ["topic", "stance"]);
        var random = new Random(20261203);
        var texts = rows.Select(r => r.Text).OrderBy(_ => random.Next()).Take(quick ? 100 : 500).ToArray();
        var shippedPath = Path.Combine(root, "models", "news.stancelab");
        Console.Error.WriteLine("ML.NET consumer check: training the n-gram-only model ...");
        var lean = ModelTrainer.Train(rows, new TrainingOptions());
        var leanPath = Path.Combine(results, "tmp-lean.stancelab");
        ModelFile.Write(lean, leanPath);

        var md = new StringBuilder();
        md.AppendLine("# Scoring through ML.NET against StanceLab's own path").AppendLine();
        md.AppendLine($"Written by `dotnet run --project bench/StanceLab.Bench -c Release -- --mlnet-consumer` on {DateTime.UtcNow:yyyy-MM-dd} ({Environment.ProcessorCount} cores). "
            + $"{texts.Length:N0} sentences of training-data/ (seeded sample), scored on one thread by every head; median of 3 passes each (the encoder's embedding cache is cleared before every pass, so each pass pays for the encoder). "
            + "\"Vector only\" is StanceLab's fast featurizer (no token provenance) + every head's prediction; \"as `score`\" adds what `stancelab score` and the ML.NET transformer compute per sentence: the tokens and where each feature came from, and the vocabulary coverage. \"PredictionEngine\" and \"Transform\" load the same file with `mlContext.Model.LoadStanceLab` and score through ML.NET. Load time is the median of 3 loads.").AppendLine();
        md.AppendLine("| model | file MB | load s | StanceLab vector only, rows/s | StanceLab as `score` (tokens + coverage), rows/s | PredictionEngine rows/s | Transform rows/s | as `score` ÷ PredictionEngine |").AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, path) in new[] { ("n-grams (no encoder)", leanPath), ("shipped: n-grams + MiniLM", shippedPath) })
        {
            Console.Error.WriteLine($"ML.NET consumer check: {name} ...");
            double load = MedianSeconds(() => ModelFile.Read(path));
            var model = ModelFile.Read(path);
            void Predict(SparseVector vector, string text)
            {
                foreach (var head in model.Heads)
                {
                    var p = new double[head.Classifier.Classes.Count];
                    head.Classifier.PredictProbabilities(head.Input(vector, text, SentenceContext.Alone), p);
                }
            }
            double fast = Throughput(texts, SentenceEncoders.ClearCache, text => Predict(model.Featurizer.Transform(text), text));
            double scoring = Throughput(texts, SentenceEncoders.ClearCache, text =>
            {
                var featurized = model.Featurizer.Featurize(text);
                Predict(featurized.Vector, text);
                GC.KeepAlive(SentenceCoverage.Of(model.Featurizer, featurized));
            });
            var ml = new MLContext();
            var transformer = ml.Model.LoadStanceLab(path);
            var engine = ml.Model.CreatePredictionEngine<Row, Prediction>(transformer);
            double viaEngine = Throughput(texts, SentenceEncoders.ClearCache, text => engine.Predict(new Row { Text = text }));
            var view = ml.Data.LoadFromEnumerable(texts.Select(t => new Row { Text = t }));
            double viaTransform = texts.Length / MedianSeconds(() => transformer.Transform(view).GetColumn<string>("topic.PredictedLabel").Count(), SentenceEncoders.ClearCache);
            md.AppendLine(FormattableString.Invariant($"| {name} | {new FileInfo(path).Length / 1e6:0.00} | {load:0.000} | {fast:N0} | {scoring:N0} | {viaEngine:N0} | {viaTransform:N0} | {scoring / viaEngine:0.00}× |"));
        }
        File.Delete(leanPath);
        File.WriteAllText(Path.Combine(results, "mlnet-consumer.md"), md.ToString());
        Console.WriteLine(md.ToString());
        return 0;
    }

    private static double Throughput(string[] texts, Action reset, Action<string> score) =>
        texts.Length / MedianSeconds(() =>
        {
            foreach (var text in texts) score(text);
            return texts.Length;
        }, reset);

    /// <summary>The median wall time of 3 runs of <paramref name="work"/>, <paramref name="reset"/> (untimed) before each.</summary>
    private static double MedianSeconds<T>(Func<T> work, Action? reset = null)
    {
        var seconds = new List<double>();
        for (int run = 0; run < 3; run++)
        {
            reset?.Invoke();
            var clock = Stopwatch.StartNew();
            GC.KeepAlive(work());
            seconds.Add(clock.Elapsed.TotalSeconds);
        }
        return SystemSummary.Median(seconds);
    }
}
