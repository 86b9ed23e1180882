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
            .AppendLine("<style>").AppendLine(Styles).AppendLine("</style>")
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
                        html.AppendLine("<table>").Append("<thead><tr>");
                        foreach (var h in t.Header)
                        {
                            html.Append("<th>").Append(E(h)).Append("</th>");
                        }

                        html.AppendLine("</tr></thead>").AppendLine("<tbody>");
                        foreach (var row in t.Rows)
                        {
                            html.Append("<tr>");
                            foreach (var cell in row)
                            {
                                html.Append("<td>").Append(E(cell)).Append("</td>");
                            }

                            html.AppendLine("</tr>");
                        }

                        html.AppendLine("</tbody>").AppendLine("</table>");
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

    private const string Styles = """
        :root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #b4232a; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #f6f8fa; color: var(--ink); font: 16px/1.6 "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", system-ui, sans-serif; }
        main { max-width: 60rem; margin: 2rem auto; padding: 2rem 2.5rem; background: #fff; border: 1px solid var(--line); border-radius: 8px; }
        header { border-bottom: 3px solid var(--accent); margin-bottom: 1.5rem; }
        .kind { margin: 0; color: var(--accent); font-weight: 600; letter-spacing: .05em; }
        h1 { margin: .25rem 0; font-size: 1.8rem; line-height: 1.3; }
        .subtitle { margin: 0 0 1rem; color: var(--muted); }
        h2 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; padding-left: .6rem; border-left: 4px solid var(--accent); }
        table { width: 100%; border-collapse: collapse; margin: .5rem 0 1rem; font-size: .95rem; }
        th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border: 1px solid var(--line); }
        th { background: #f0f3f6; }
        tbody tr:nth-child(even) { background: #fafbfc; }
        ul { padding-left: 1.4rem; }
        footer { margin-top: 2rem; padding-top: 1rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
        @media print {
          body { background: #fff; font-size: 11pt; }
          main { margin: 0; padding: 0; border: 0; max-width: none; }
          section { break-inside: avoid-page; }
          tr { break-inside: avoid; }
        }
        """;
}
