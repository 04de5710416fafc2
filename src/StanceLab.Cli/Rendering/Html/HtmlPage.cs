using System.Globalization;
using System.Net;
using System.Text;

namespace StanceLab.Cli.Rendering.Html;

/// <summary>
/// The frame of every HTML view: one self-contained page (styles inline; no script, font, image or
/// style is fetched from anywhere), readable in any browser and printable.
/// </summary>
internal static class HtmlPage
{
    private const string Style = """
        :root { --toward: 22, 128, 60; --against: 200, 40, 40; --ink: #1d2430; --muted: #5b6472; --line: #d9dee5; }
        * { box-sizing: border-box; }
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px; }
        h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        h3 { font-size: 15px; margin: 12px 0 6px; } .muted { color: var(--muted); font-size: 13px; }
        .legend { display: flex; flex-wrap: wrap; gap: 8px 18px; align-items: center; font-size: 13px; color: var(--muted); margin: 12px 0; padding: 8px 12px; border: 1px solid var(--line); border-radius: 6px; }
        .swatch { display: inline-block; width: 28px; height: 12px; border-radius: 3px; vertical-align: middle; margin-right: 4px; }
        .badge { display: inline-block; min-width: 120px; padding: 1px 8px; border-radius: 10px; color: #fff; font-size: 12px; font-weight: 600; text-align: center; }
        .badge.unsure { background: repeating-linear-gradient(45deg, #8a919c, #8a919c 6px, #a3aab5 6px, #a3aab5 12px) !important; }
        .prob { display: inline-block; width: 44px; text-align: right; font-variant-numeric: tabular-nums; color: var(--muted); font-size: 13px; margin-right: 10px; }
        ol.sentences { list-style: none; padding: 0; margin: 0; }
        li.sentence { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
        li.sentence.unsure { border-style: dashed; }
        .head-line { display: flex; align-items: baseline; gap: 6px; margin: 2px 0; }
        .head-name { width: 58px; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
        .text { flex: 1; }
        .tok { border-radius: 3px; padding: 0 1px; }
        details { margin-top: 4px; font-size: 13px; } summary { cursor: pointer; color: var(--muted); }
        table { border-collapse: collapse; margin: 6px 0 12px; font-size: 13px; }
        th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .bars { display: grid; grid-template-columns: max-content 1fr max-content; gap: 3px 8px; align-items: center; max-width: 640px; }
        .bar { height: 14px; border-radius: 3px; }
        .profile { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 8px 24px; }
        .warning { color: #8a5a00; }
        svg text { font: 11px system-ui, sans-serif; fill: var(--muted); }
        form textarea { width: 100%; min-height: 160px; font: inherit; padding: 8px; }
        form button { margin-top: 8px; padding: 6px 16px; font: inherit; }
        @media print { details { display: none; } li.sentence { break-inside: avoid; } }
        """;

    public static string Render(string title, string body) =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="StanceLab">
        <title>{Escape(title)}</title>
        <style>
        {Style}
        </style>
        </head>
        <body>
        {body}
        </body>
        </html>

        """;

    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    public static string Number(double value, string format = "0.000") =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "–";

    /// <summary>A fixed colour per label position, distinct enough side by side and white text readable on each.</summary>
    private static readonly string[] Palette = ["#2f6fb3", "#c2571a", "#2e8b57", "#8e44ad", "#b8860b", "#5f6b7a", "#c0392b", "#16808a", "#7a5c3e", "#4a4fb0"];

    public static string ColourOf(IReadOnlyList<string> labels, string label)
    {
        int i = 0;
        for (; i < labels.Count; i++) if (labels[i] == label) break;
        return Palette[i % Palette.Length];
    }

    /// <summary>Horizontal bars, one per entry, the longest full width; any value above zero stays visible.</summary>
    public static string Bars(IEnumerable<(string Label, double Value, string Text, string Colour)> bars)
    {
        var list = bars.ToArray();
        double max = Math.Max(1e-12, list.Select(b => b.Value).DefaultIfEmpty(0).Max());
        var html = new StringBuilder("<div class=\"bars\">");
        foreach (var (label, value, text, colour) in list)
            html.Append(CultureInfo.InvariantCulture, $"<span>{Escape(label)}</span><span><span class=\"bar\" style=\"display:block;width:{(value <= 0 ? 0 : Math.Max(0.5, 100 * value / max)):0.#}%;background:{colour}\"></span></span><span class=\"muted\">{Escape(text)}</span>");
        return html.Append("</div>").ToString();
    }
}
