using System.Net;
using System.Text;
using OneVisit.Rules.Guides.Internal;

namespace OneVisit.Rules.Guides;

/// <summary>Writes a <see cref="GuideDocument"/> as Markdown, or as a self-contained, printable HTML page.</summary>
public static class GuideWriters
{
    /// <summary>GitHub-flavoured Markdown; table cells escape their pipes.</summary>
    public static string ToMarkdown(GuideDocument guide)
    {
        ArgumentNullException.ThrowIfNull(guide);
        var labels = GuideLabels.For(guide.Language);
        var md = new StringBuilder();
        md.Append("# ").AppendLine(guide.Title).AppendLine().Append('_').Append(guide.Subtitle).Append(guide.Personalised ? " · " + labels.Personalised : "").AppendLine("_");
        foreach (var section in guide.Sections)
        {
            md.AppendLine().Append("## ").AppendLine(section.Heading);
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case GuideParagraph p:
                        md.AppendLine().AppendLine(p.Text);
                        break;
                    case GuideList l:
                        md.AppendLine();
                        foreach (var item in l.Items)
                        {
                            md.Append("- ").AppendLine(item);
                        }

                        break;
                    case GuideTable t:
                        md.AppendLine().Append("| ").AppendJoin(" | ", t.Header.Select(Cell)).AppendLine(" |");
                        md.Append('|').AppendJoin('|', t.Header.Select(_ => " --- ")).AppendLine("|");
                        foreach (var row in t.Rows)
                        {
                            md.Append("| ").AppendJoin(" | ", row.Select(Cell)).AppendLine(" |");
                        }

                        break;
                }
            }
        }

        return md.ToString().TrimEnd() + "\n";

        static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
    }

    /// <summary>One HTML page with its own styles (no scripts, fonts or images to fetch), readable on screen and on paper.</summary>
    public static string ToHtml(GuideDocument guide)
    {
        ArgumentNullException.ThrowIfNull(guide);
        var labels = GuideLabels.For(guide.Language);
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>")
            .Append("<html lang=\"").Append(labels.HtmlLanguage).AppendLine("\">")
            .AppendLine("<head>")
            .AppendLine("<meta charset=\"utf-8\">")
            .AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(guide.Title)).Append(" · ").Append(E(labels.Kind)).AppendLine("</title>")
            .AppendLine("<style>").AppendLine(GuideStyles.Css).AppendLine("</style>")
            .AppendLine("</head>")
            .AppendLine("<body>")
            .AppendLine("<main>")
            .AppendLine("<header>")
            .Append("<p class=\"kind\">").Append(E(labels.Kind)).Append(guide.Personalised ? $" · <strong>{E(labels.Personalised)}</strong>" : "").AppendLine("</p>")
            .Append("<h1>").Append(E(guide.Title)).AppendLine("</h1>")
            .Append("<p class=\"subtitle\">").Append(E(guide.Subtitle)).AppendLine("</p>")
            .AppendLine("</header>");
        foreach (var section in guide.Sections)
        {
            html.AppendLine("<section>").Append("<h2>").Append(E(section.Heading)).AppendLine("</h2>");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case GuideParagraph p:
                        html.Append("<p>").Append(E(p.Text)).AppendLine("</p>");
                        break;
                    case GuideList l:
                        html.AppendLine("<ul>");
                        foreach (var item in l.Items)
                        {
                            html.Append("<li>").Append(E(item)).AppendLine("</li>");
                        }

                        html.AppendLine("</ul>");
                        break;
                    case GuideTable t:
                        AppendTable(html, t);
                        break;
                }
            }

            html.AppendLine("</section>");
        }

        html.Append("<footer>").Append(E(labels.Footer)).AppendLine("</footer>")
            .AppendLine("</main>")
            .AppendLine("</body>")
            .AppendLine("</html>");
        return html.ToString();

        static string E(string text) => WebUtility.HtmlEncode(text);
    }

    private static void AppendTable(StringBuilder html, GuideTable table)
    {
        // A short column (a form, a level) must not wrap inside a word; two columns (item and details) fit a phone as they are.
        var nowrap = Enumerable.Range(0, table.Header.Count)
            .Select(i => table.Rows.Select(r => i < r.Count ? r[i] : "").Append(table.Header[i]).Max(c => c.Length) <= 12)
            .ToList();
        string Class(int i) => i < nowrap.Count && nowrap[i] ? " class=\"nowrap\"" : "";

        html.AppendLine(table.Header.Count == 2 ? "<table class=\"pairs\">" : "<table>").Append("<thead><tr>");
        for (var i = 0; i < table.Header.Count; i++)
        {
            html.Append("<th").Append(Class(i)).Append('>').Append(WebUtility.HtmlEncode(table.Header[i])).Append("</th>");
        }

        html.AppendLine("</tr></thead>").AppendLine("<tbody>");
        foreach (var row in table.Rows)
        {
            // Each cell carries its column title: on a phone the rows become cards that show it beside the value.
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var label = i < table.Header.Count ? table.Header[i] : "";
                html.Append("<td").Append(Class(i)).Append(" data-label=\"").Append(WebUtility.HtmlEncode(label)).Append("\">").Append(WebUtility.HtmlEncode(row[i])).Append("</td>");
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</tbody>").AppendLine("</table>");
    }
}
