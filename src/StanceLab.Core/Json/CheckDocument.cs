// Parameters are documented where their name does not say it all; the README's JSON section documents every field.
#pragma warning disable CS1573
using StanceLab.Data;

namespace StanceLab.Json;

/// <summary><c>check --format json</c>: every problem found and the label counts.</summary>
public sealed record CheckDocument(
    int SchemaVersion,
    int Rows,
    string? Schema,
    IReadOnlyList<string> Files,
    int Errors,
    int Warnings,
    IReadOnlyList<ProblemJson> Problems,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Counts)
{
    public static CheckDocument From(CorpusCheckReport report, string? schemaPath) => new(
        JsonSchema.Version,
        report.Rows,
        schemaPath,
        report.Files,
        report.Errors,
        report.Warnings,
        report.Problems.Select(p => new ProblemJson(p.Severity == ProblemSeverity.Error ? "error" : "warning", p.File, p.Line, p.Message)).ToArray(),
        report.Counts.ToDictionary(c => c.Key, c => (IReadOnlyDictionary<string, int>)c.Value.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal), StringComparer.Ordinal));
}

/// <param name="Severity">"error" (check exits 1) or "warning".</param>
/// <param name="Line">1-based line in the file (0: the file as a whole).</param>
public sealed record ProblemJson(string Severity, string File, int Line, string Message);
