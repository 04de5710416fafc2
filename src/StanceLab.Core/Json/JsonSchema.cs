namespace StanceLab.Json;

/// <summary>
/// The version of every JSON document StanceLab writes (its <c>schemaVersion</c> field). It goes
/// up when a field is renamed or removed or changes meaning; added fields keep it.
/// Version history: 1 (2026-12): first versioned schema; score's per-head token list is
/// <c>tokens</c>, as in explain (it was <c>explanation</c>).
/// </summary>
public static class JsonSchema
{
    public const int Version = 1;
}
