using System.Globalization;
using System.Text;
using StanceLab.Scoring;

namespace StanceLab.Cli.Rendering.Html;

/// <summary>
/// Scored articles as one HTML page: per article its profile as bars, then each sentence with one
/// line per head (the label as a coloured badge, its probability, and the sentence with every word
/// shaded by its contribution to that label: green toward, red against, stronger for more; the
/// exact figure on hover), and every label's probability in a details row.
/// </summary>
internal static class ScoreHtmlView
{
    public static string Render(string title, IReadOnlyList<(string File, ArticleScore Score)> articles, string? beforeArticles = null)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<header><h1>{HtmlPage.Escape(title)}</h1><p class=\"muted\">{Formatting.Count(articles.Count, "article")}, {Formatting.Count(articles.Sum(a => a.Score.Sentences.Count), "sentence")}. Scored by StanceLab.</p></header>");
        body.Append(beforeArticles);
        if (articles.Count > 0) body.Append(Legend(articles[0].Score));
        foreach (var (file, score) in articles) body.Append(Article(file, score));
        return HtmlPage.Render(title, body.ToString());
    }

    private static string Legend(ArticleScore score)
    {
        var html = new StringBuilder("<section class=\"legend\" aria-label=\"legend\">");
        html.Append("<span><span class=\"swatch\" style=\"background:rgba(var(--toward),.55)\"></span>word pushed toward the label</span>");
        html.Append("<span><span class=\"swatch\" style=\"background:rgba(var(--against),.55)\"></span>word pushed against it</span>");
        html.Append("<span>stronger shade: larger contribution (hover a word for the figure)</span>");
        html.Append("<span><span class=\"badge unsure\" style=\"min-width:60px\">unsure</span> best guess: low coverage or under --abstain</span>");
        foreach (var (head, shares) in score.Profile.Shares)
        {
            var labels = shares.Select(s => s.Key).ToArray();
            html.Append(CultureInfo.InvariantCulture, $"<span><b>{HtmlPage.Escape(head)}</b>: ");
            foreach (var label in labels)
                html.Append(CultureInfo.InvariantCulture, $"<span class=\"badge\" style=\"min-width:0;background:{HtmlPage.ColourOf(labels, label)}\">{HtmlPage.Escape(label)}</span> ");
            html.Append("</span>");
        }
        return html.Append("</section>").ToString();
    }

    private static string Article(string file, ArticleScore score)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<article class=\"scored\" data-file=\"{HtmlPage.Escape(file)}\"><h2>{HtmlPage.Escape(file)}</h2>");
        html.Append("<section class=\"profile\" aria-label=\"article profile\">");
        var labelsOf = score.Profile.Shares.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.Select(s => s.Key).ToArray());
        foreach (var (head, shares) in score.Profile.Shares)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div data-head=\"{HtmlPage.Escape(head)}\"><h3>{HtmlPage.Escape(head)}: share of sentences</h3>");
            html.Append(HtmlPage.Bars(shares.Select(s => (s.Key, s.Value, Formatting.Percent(s.Value), HtmlPage.ColourOf(labelsOf[head], s.Key)))));
            html.Append("</div>");
        }
        html.Append("</section><ol class=\"sentences\">");
        foreach (var sentence in score.Sentences) html.Append(Sentence(sentence, labelsOf));
        return html.Append("</ol></article>").ToString();
    }

    private static string Sentence(SentenceScore s, IReadOnlyDictionary<string, IReadOnlyList<string>> labelsOf)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<li class=\"sentence{(s.Unsure ? " unsure" : "")}\" data-start=\"{s.Sentence.Start}\" data-end=\"{s.Sentence.End}\" data-coverage=\"{HtmlPage.Number(s.Coverage)}\">");
        if (s.Unsure) html.Append(CultureInfo.InvariantCulture, $"<div class=\"warning\">unsure: only {Formatting.Percent(s.Coverage)} of its words are known to the model; the labels are best guesses</div>");
        foreach (var p in s.Predictions)
        {
            var colour = labelsOf.TryGetValue(p.Column, out var labels) ? HtmlPage.ColourOf(labels, p.Label) : "#5f6b7a";
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"head-line\" data-head=\"{HtmlPage.Escape(p.Column)}\" data-label=\"{HtmlPage.Escape(p.Label)}\" data-unsure=\"{(p.Unsure ? "true" : "false")}\">");
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"head-name\">{HtmlPage.Escape(p.Column)}</span>");
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"badge{(p.Unsure ? " unsure" : "")}\" style=\"background:{colour}\" title=\"{(p.Unsure ? "unsure; best guess " : "")}{HtmlPage.Escape(p.Label)}\">{HtmlPage.Escape(p.Unsure ? $"unsure ({p.Label})" : p.Label)}</span>");
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"prob\">{HtmlPage.Number(p.Probability, "0.00")}</span>");
            html.Append("<span class=\"text\">").Append(ShadedText(s.Sentence.Text, s.Sentence.Start, p)).Append("</span>");
            if (p.Meaning != 0)
                html.Append(CultureInfo.InvariantCulture, $"<span class=\"muted\" title=\"the sentence encoder's exact share of the logit of {HtmlPage.Escape(p.Label)}\">meaning {Formatting.Signed(p.Meaning)}</span>");
            html.Append("</div>");
        }
        html.Append("<details><summary>probabilities of every label</summary><table><tr><th>head</th><th>label</th><th class=\"num\">probability</th><th class=\"num\">logit</th></tr>");
        foreach (var p in s.Predictions)
            foreach (var (label, probability) in p.Probabilities.OrderByDescending(q => q.Value))
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{HtmlPage.Escape(p.Column)}</td><td>{HtmlPage.Escape(label)}</td><td class=\"num\">{HtmlPage.Number(probability)}</td><td class=\"num\">{(label == p.Label ? HtmlPage.Number(p.Logit) : "")}</td></tr>");
        return html.Append("</table></details></li>").ToString();
    }

    /// <summary>The sentence's own text, each token in a span shaded by its contribution; the text between tokens unchanged.</summary>
    private static string ShadedText(string text, int sentenceStart, HeadPrediction p)
    {
        double scale = Math.Max(1e-12, p.Tokens.Select(t => Math.Abs(t.Contribution)).DefaultIfEmpty(0).Max());
        var html = new StringBuilder();
        int at = 0;
        foreach (var t in p.Tokens.OrderBy(t => t.Start))
        {
            int start = t.Start - sentenceStart, end = t.End - sentenceStart;
            if (start < at || end > text.Length) continue;
            html.Append(HtmlPage.Escape(text[at..start]));
            double alpha = 0.08 + 0.6 * Math.Abs(t.Contribution) / scale;
            string way = t.Contribution >= 0 ? "toward" : "against";
            string tip = $"{t.Token}: {Formatting.Signed(t.Contribution)} {(t.Contribution >= 0 ? "toward" : "against")} {p.Label}";
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"tok {way}\" data-contribution=\"{HtmlPage.Number(t.Contribution, "0.######")}\" style=\"background:rgba(var(--{way}),{alpha:0.00})\" title=\"{HtmlPage.Escape(tip)}\">{HtmlPage.Escape(text[start..end])}</span>");
            at = end;
        }
        return html.Append(HtmlPage.Escape(text[at..])).ToString();
    }
}
