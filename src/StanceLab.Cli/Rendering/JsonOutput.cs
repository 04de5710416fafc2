using System.Text.Json.Serialization.Metadata;
using StanceLab.Json;

namespace StanceLab.Cli.Rendering;

/// <summary>Writes one JSON document per line through the source-generated <see cref="StanceLabJsonContext"/>.</summary>
internal static class JsonOutput
{
    public static void WriteLine<T>(TextWriter output, T document, Func<StanceLabJsonContext, JsonTypeInfo<T>> type) =>
        output.WriteLine(System.Text.Json.JsonSerializer.Serialize(document, type(StanceLabJsonContext.Writer)));
}
