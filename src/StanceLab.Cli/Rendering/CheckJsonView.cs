using StanceLab.Data;
using StanceLab.Json;

namespace StanceLab.Cli.Rendering;

/// <summary>A corpus check as one JSON object (<see cref="CheckDocument"/>; README: JSON output).</summary>
internal static class CheckJsonView
{
    public static void Write(TextWriter output, CorpusCheckReport report, string? schemaPath) =>
        JsonOutput.WriteLine(output, CheckDocument.From(report, schemaPath), c => c.CheckDocument);
}
