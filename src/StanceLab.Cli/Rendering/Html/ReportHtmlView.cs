using System.Globalization;
using System.Text;
using StanceLab.Evaluation;

namespace StanceLab.Cli.Rendering.Html;

/// <summary>
/// An evaluation as one HTML page: per head the metrics beside the majority baseline, the
/// per-class table with F1 bars, the confusion matrix as a heat map (each cell shaded by its share
/// of the true class's row), the reliability diagram (inline SVG) and the accuracy-coverage table.
/// </summary>
internal static class ReportHtmlView
{
    public static string Render(string title, IReadOnlyList<ClassificationReport> reports, string? warning = null)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<header><h1>{HtmlPage.Escape(title)}</h1></header>");
        if (warning is not null) body.Append(CultureInfo.InvariantCulture, $"<p class=\"warning\">warning: {HtmlPage.Escape(warning)}</p>");
        foreach (var report in reports) body.Append(Head(report));
        return HtmlPage.Render(title, body.ToString());
    }

    private static string Head(ClassificationReport r)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"head-report\" data-head=\"{HtmlPage.Escape(r.Label)}\"><h2>{HtmlPage.Escape(r.Label)}: {Formatting.Count(r.Rows, "sentence")}</h2>");
        html.Append("<table class=\"metrics\"><tr><th>metric</th><th class=\"num\">model</th><th class=\"num\">majority baseline</th></tr>");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>accuracy</td><td class=\"num\">{HtmlPage.Number(r.Accuracy)}</td><td class=\"num\">{HtmlPage.Number(r.MajorityBaseline)} (always '{HtmlPage.Escape(r.MajorityClass)}')</td></tr>");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>macro-F1</td><td class=\"num\">{HtmlPage.Number(r.MacroF1)}</td><td class=\"num\">{HtmlPage.Number(r.MajorityMacroF1)}</td></tr>");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>weighted F1</td><td class=\"num\">{HtmlPage.Number(r.WeightedF1)}</td><td></td></tr>");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>log-loss</td><td class=\"num\">{HtmlPage.Number(r.LogLoss)}</td><td></td></tr>");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>ECE (10 bins)</td><td class=\"num\">{HtmlPage.Number(r.Calibration.ExpectedCalibrationError)}</td><td></td></tr></table>");

        html.Append("<h3>Per class</h3><table class=\"per-class\"><tr><th>class</th><th class=\"num\">precision</th><th class=\"num\">recall</th><th class=\"num\">F1</th><th class=\"num\">support</th><th>F1</th></tr>");
        var classes = r.PerClass.Select(c => c.Class).ToArray();
        foreach (var c in r.PerClass)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{HtmlPage.Escape(c.Class)}</td><td class=\"num\">{HtmlPage.Number(c.Precision)}</td><td class=\"num\">{HtmlPage.Number(c.Recall)}</td><td class=\"num\">{HtmlPage.Number(c.F1)}</td><td class=\"num\">{Formatting.Integer(c.Support)}</td><td style=\"width:180px\"><span class=\"bar\" style=\"display:block;width:{100 * (double.IsFinite(c.F1) ? c.F1 : 0):0.#}%;background:{HtmlPage.ColourOf(classes, c.Class)}\"></span></td></tr>");
        html.Append("</table>");

        var matrix = r.Confusion;
        html.Append("<h3>Confusion matrix</h3><table class=\"confusion\"><tr><th>true \\ predicted</th>");
        foreach (var c in matrix.Classes) html.Append(CultureInfo.InvariantCulture, $"<th class=\"num\">{HtmlPage.Escape(c)}</th>");
        html.Append("</tr>");
        for (int t = 0; t < matrix.Classes.Count; t++)
        {
            int rowTotal = Enumerable.Range(0, matrix.Classes.Count).Sum(p => matrix.Count(t, p));
            html.Append(CultureInfo.InvariantCulture, $"<tr><th>{HtmlPage.Escape(matrix.Classes[t])}</th>");
            for (int p = 0; p < matrix.Classes.Count; p++)
            {
                int n = matrix.Count(t, p);
                double share = rowTotal == 0 ? 0 : (double)n / rowTotal;
                string rgb = t == p ? "var(--toward)" : "var(--against)";
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\" data-count=\"{n}\" style=\"background:rgba({rgb},{0.7 * share:0.00})\" title=\"{Formatting.Percent(share)} of true {HtmlPage.Escape(matrix.Classes[t])}\">{n}</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</table><p class=\"muted\">rows: true class · columns: predicted class · shade: share of the row (green: right, red: wrong)</p>");

        html.Append("<h3>Calibration</h3>").Append(ReliabilityDiagram(r.Calibration));
        html.Append("<table class=\"coverage\"><tr><th>answer only when top probability ≥</th><th class=\"num\">answered</th><th class=\"num\">accuracy on answered</th></tr>");
        foreach (var c in r.Calibration.AccuracyCoverage)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{HtmlPage.Number(c.Threshold, "0.00")}</td><td class=\"num\">{Formatting.Percent(c.Coverage)}</td><td class=\"num\">{HtmlPage.Number(c.Accuracy)}</td></tr>");
        return html.Append("</table><p class=\"muted\">score --abstain P marks labels under P unsure</p></section>").ToString();
    }

    /// <summary>Accuracy per bin of top probability as bars against the diagonal a calibrated model would follow.</summary>
    private static string ReliabilityDiagram(CalibrationSummary calibration)
    {
        const int size = 240, pad = 34;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"reliability\" width=\"{size + pad + 10}\" height=\"{size + pad + 10}\" viewBox=\"0 0 {size + pad + 10} {size + pad + 10}\" role=\"img\" aria-label=\"reliability diagram, ECE {HtmlPage.Number(calibration.ExpectedCalibrationError)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{pad}\" y=\"0\" width=\"{size}\" height=\"{size}\" fill=\"none\" stroke=\"#d9dee5\"/>");
        double barWidth = (double)size / calibration.Bins.Count;
        for (int b = 0; b < calibration.Bins.Count; b++)
        {
            var bin = calibration.Bins[b];
            if (bin.Count == 0) continue;
            double h = size * bin.Accuracy;
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bin\" data-count=\"{bin.Count}\" x=\"{pad + b * barWidth + 1:0.#}\" y=\"{size - h:0.#}\" width=\"{barWidth - 2:0.#}\" height=\"{h:0.#}\" fill=\"#2f6fb3\" fill-opacity=\"0.75\"><title>{HtmlPage.Number(bin.Lower, "0.0")}–{HtmlPage.Number(bin.Upper, "0.0")}: {bin.Count} sentences, mean probability {HtmlPage.Number(bin.MeanConfidence)}, accuracy {HtmlPage.Number(bin.Accuracy)}</title></rect>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{pad}\" y1=\"{size}\" x2=\"{pad + size}\" y2=\"0\" stroke=\"#c2571a\" stroke-dasharray=\"4 3\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{pad + size / 2}\" y=\"{size + 24}\" text-anchor=\"middle\">top probability (ECE {HtmlPage.Number(calibration.ExpectedCalibrationError)})</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{size / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 10 {size / 2})\">accuracy</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{pad - 4}\" y=\"{size}\" text-anchor=\"end\">0</text><text x=\"{pad - 4}\" y=\"10\" text-anchor=\"end\">1</text>");
        return svg.Append("</svg>").ToString();
    }
}
