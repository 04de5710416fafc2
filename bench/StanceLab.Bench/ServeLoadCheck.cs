using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using StanceLab.Data;

namespace StanceLab.Bench;

/// <summary>
/// --serve-load: <c>stancelab serve</c> (the published program, the shipped model) on loopback,
/// driven by N concurrent clients for a fixed number of <c>POST /v1/score</c> requests of one
/// article each (articles built from training-data/ sources, seeded); reports throughput,
/// latency percentiles and the service's resident memory after the run.
/// </summary>
internal static class ServeLoadCheck
{
    public static readonly int[] Clients = [1, 4, 16];

    public static int Run(string root, string results, string cli, bool quick)
    {
        var files = Directory.GetFiles(Path.Combine(root, "training-data"), "*.tsv").Order(StringComparer.Ordinal).ToArray();
        var rows = TsvCorpusReader.ReadAll(files, ["topic", "stance"]);
        var random = new Random(20261203);
        var articles = rows.GroupBy(r => r.Source).Select(g => string.Join(' ', g.Take(4).Select(r => r.Text)))
            .OrderBy(_ => random.Next()).ToArray();
        int requests = quick ? 40 : 400;
        // Every request scores an article no earlier request sent: the service's embedding cache must not flatter it.
        if (articles.Length < 5 + requests * Clients.Length)
            throw new InvalidOperationException($"training-data/ has {articles.Length} sources; the load run needs {5 + requests * Clients.Length} distinct articles.");
        int port = 5190 + Environment.ProcessId % 500;
        string url = $"http://127.0.0.1:{port}";
        var model = Path.Combine(root, "models", "news.stancelab");
        using var service = Process.Start(new ProcessStartInfo("dotnet", [cli, "serve", "--model", model, "--urls", url]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
            var started = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    if (http.GetAsync("/health").Result.IsSuccessStatusCode) break;
                }
                catch (AggregateException) when (started.Elapsed < TimeSpan.FromSeconds(60))
                {
                    Thread.Sleep(200);
                }
            }
            double startup = started.Elapsed.TotalSeconds;
            // Warm-up: load the encoder, JIT the paths.
            int used = 5;
            foreach (var a in articles.Take(used)) http.PostAsJsonAsync("/v1/score", new { text = a }).Result.EnsureSuccessStatusCode();

            var md = new StringBuilder();
            md.AppendLine("# Scoring service under load").AppendLine();
            md.AppendLine($"Written by `dotnet run --project bench/StanceLab.Bench -c Release -- --serve-load` on {DateTime.UtcNow:yyyy-MM-dd} ({Environment.ProcessorCount} cores). "
                + $"`stancelab serve` (published, the shipped model with the MiniLM encoder) on loopback; each request is `POST /v1/score` with one article of up to 4 sentences (mean {articles.Average(a => a.Length):0} characters) from training-data/; "
                + $"{requests:N0} requests per row, spread over the clients, each client sending its next request when the last is answered; no article is sent twice, so the service's embedding cache never answers for the encoder. The bench client runs on the same 2 cores. "
                + $"Service start-up to a healthy /health: {startup:0.0} s. Memory: the service's resident set after each row.").AppendLine();
            md.AppendLine("| clients | requests | throughput req/s | sentences/s | p50 ms | p95 ms | p99 ms | max ms | errors | service RSS MiB |").AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (int clients in Clients)
            {
                Console.Error.WriteLine($"serve load: {clients} client(s), {requests} requests ...");
                var latencies = new double[requests];
                int next = -1, errors = 0, sentences = 0;
                var clock = Stopwatch.StartNew();
                var tasks = Enumerable.Range(0, clients).Select(async _ =>
                {
                    int i;
                    while ((i = Interlocked.Increment(ref next)) < requests)
                    {
                        var one = Stopwatch.StartNew();
                        using var response = await http.PostAsJsonAsync("/v1/score", new { text = articles[used + i], explain = 3 });
                        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
                        latencies[i] = one.Elapsed.TotalMilliseconds;
                        if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                        else Interlocked.Add(ref sentences, body.GetProperty("sentences").GetArrayLength());
                    }
                }).ToArray();
                Task.WaitAll(tasks);
                double seconds = clock.Elapsed.TotalSeconds;
                used += requests;
                Array.Sort(latencies);
                double P(double q) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
                md.AppendLine(FormattableString.Invariant($"| {clients} | {requests:N0} | {requests / seconds:0.0} | {sentences / seconds:0.0} | {P(0.50):0} | {P(0.95):0} | {P(0.99):0} | {latencies[^1]:0} | {errors} | {ResidentMiB(service.Id):0} |"));
            }
            File.WriteAllText(Path.Combine(results, "serve.md"), md.ToString());
            Console.WriteLine(md.ToString());
            return 0;
        }
        finally
        {
            if (!service.HasExited) service.Kill(entireProcessTree: true);
        }
    }

    /// <summary>VmRSS of a process, from /proc (Linux).</summary>
    private static double ResidentMiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
