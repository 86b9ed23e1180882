namespace OneVisit.Rules.Guides.Internal;

/// <summary>The HTML guide's only styles: no web fonts or files to fetch, so it renders offline and prints as shown.</summary>
internal static class GuideStyles
{
    // The font list ends with fonts Linux servers have (WenQuanYi, Noto CJK), so a guide rendered there shows Chinese, not boxes.
    // Below 40rem (a phone) a table of three or more columns becomes one card per row, each value beside its column title:
    // four columns do not fit 390 px. Two-column tables (item and details) fit as they are.
    // On a phone, card values may break anywhere, as a last resort for long English words and codes.
    public const string Css = """
        :root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #b4232a; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #f6f8fa; color: var(--ink); font: 16px/1.6 "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", system-ui, sans-serif; }
        main { max-width: 60rem; margin: 2rem auto; padding: 2rem 2.5rem; background: #fff; border: 1px solid var(--line); border-radius: 8px; }
        header { border-bottom: 3px solid var(--accent); margin-bottom: 1.5rem; }
        .kind { margin: 0; color: var(--accent); font-weight: 600; letter-spacing: .05em; }
        h1 { margin: .25rem 0; font-size: 1.8rem; line-height: 1.3; }
        .subtitle { margin: 0 0 1rem; color: var(--muted); }
        h2 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; padding-left: .6rem; border-left: 4px solid var(--accent); }
        table { width: 100%; border-collapse: collapse; margin: .5rem 0 1rem; font-size: .95rem; }
        th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border: 1px solid var(--line); overflow-wrap: break-word; }
        .nowrap { white-space: nowrap; }
        .pairs th:first-child { width: 9rem; }
        th { background: #f0f3f6; }
        tbody tr:nth-child(even) { background: #fafbfc; }
        ul { padding-left: 1.4rem; }
        footer { margin-top: 2rem; padding-top: 1rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
        @media screen and (max-width: 40rem) {
          body { background: #fff; }
          main { margin: 0; padding: 1rem; border: 0; border-radius: 0; }
          h1 { font-size: 1.5rem; }
          table:not(.pairs), table:not(.pairs) tbody, table:not(.pairs) tr, table:not(.pairs) td { display: block; width: 100%; }
          table:not(.pairs) thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
          table:not(.pairs) tr { border: 1px solid var(--line); border-radius: 6px; margin-bottom: .6rem; padding: .35rem .1rem; background: #fff; }
          table:not(.pairs) td { display: grid; grid-template-columns: 5.5rem 1fr; column-gap: .6rem; border: 0; padding: .15rem .5rem; white-space: normal; overflow-wrap: anywhere; }
          table:not(.pairs) td:empty { display: none; }
          table:not(.pairs) td::before { content: attr(data-label); color: var(--muted); font-size: .85rem; line-height: 1.9; }
          table:not(.pairs) td:first-child { font-weight: 600; }
        }
        @page { size: A4; margin: 15mm; }
        @media print {
          body { background: #fff; font-size: 11pt; }
          main { margin: 0; padding: 0; border: 0; max-width: none; }
          section { break-inside: avoid-page; }
          tr { break-inside: avoid; }
        }
        """;
}
