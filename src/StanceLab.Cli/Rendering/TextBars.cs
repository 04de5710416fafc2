using System.Text;

namespace StanceLab.Cli.Rendering;

/// <summary>
/// A horizontal bar chart as plain text, one labelled bar per line with its count: the longest bar
/// fills the width, and any count above zero gets at least one block, so a rare label never looks
/// absent beside a common one.
/// </summary>
internal static class TextBars
{
    public const char Block = '█';

    public static string Render(IReadOnlyList<(string Label, long Value)> bars, int width = 50)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (bars.Count == 0) return "";
        long max = Math.Max(1, bars.Max(b => b.Value));
        int labelWidth = bars.Max(b => b.Label.Length);
        var text = new StringBuilder();
        foreach (var (label, value) in bars)
        {
            int filled = value <= 0 ? 0 : Math.Max(1, (int)Math.Round((double)value / max * width));
            text.Append(label.PadLeft(labelWidth)).Append("  ").Append(Block, filled).Append(' ').AppendLine(Formatting.Integer(value));
        }
        return text.ToString();
    }
}
