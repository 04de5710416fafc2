using StanceLab.Evaluation;
using StanceLab.Json;

namespace StanceLab.Cli.Rendering;

/// <summary>Classification reports as one JSON object (<see cref="ReportDocument"/>; README: JSON output).</summary>
internal static class ReportJsonView
{
    public static void Write(TextWriter output, string kind, IReadOnlyList<ClassificationReport> reports, Func<ReportDocument, ReportDocument>? extra = null) =>
        JsonOutput.WriteLine(output, (extra ?? (d => d))(ReportDocument.From(kind, reports)), c => c.ReportDocument);
}
