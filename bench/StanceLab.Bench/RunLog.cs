namespace StanceLab.Bench;

/// <summary>
/// Every system's results on one data set, kept as BASELINES.md counts them: accuracy from one
/// result per split (its first run), times from every run of the first split.
/// </summary>
public sealed class RunLog
{
    private readonly Dictionary<string, List<FoldResult>> _accuracyRuns = [];
    private readonly Dictionary<string, List<FoldResult>> _timedRuns = [];

    public void Add(FoldResult result, int split, int run)
    {
        if (run == 0) (_accuracyRuns.TryGetValue(result.System, out var a) ? a : _accuracyRuns[result.System] = []).Add(result);
        if (split == 0) (_timedRuns.TryGetValue(result.System, out var t) ? t : _timedRuns[result.System] = []).Add(result);
    }

    public SystemSummary Summary(string system) => SystemSummary.From(system, _accuracyRuns[system], _timedRuns[system]);
}
