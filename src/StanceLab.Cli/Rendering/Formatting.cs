using System.Globalization;

namespace StanceLab.Cli.Rendering;

/// <summary>Number formats shared by every view, always in the invariant culture.</summary>
internal static class Formatting
{
    public static string Ratio(double value) => double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "–";

    public static string Percent(double value) => double.IsFinite(value) ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";

    public static string Signed(double value) => value.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);

    public static string Integer(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A count with its noun, in the singular for one: "1 sentence", "2,425 sentences".</summary>
    public static string Count(long value, string singular, string? plural = null) =>
        $"{Integer(value)} {(value == 1 ? singular : plural ?? singular + "s")}";
}
