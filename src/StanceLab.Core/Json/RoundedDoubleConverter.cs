using System.Text.Json;
using System.Text.Json.Serialization;

namespace StanceLab.Json;

/// <summary>
/// Numbers in StanceLab's JSON: rounded to 6 decimals (more is noise in a probability and makes
/// diffs unreadable), and null for a number that is not finite (NaN: a metric with nothing to
/// measure), since JSON has no NaN.
/// </summary>
public sealed class RoundedDoubleConverter : JsonConverter<double>
{
    public const int Decimals = 6;

    public override bool HandleNull => true;

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value)) writer.WriteNumberValue(Math.Round(value, Decimals));
        else writer.WriteNullValue();
    }
}
