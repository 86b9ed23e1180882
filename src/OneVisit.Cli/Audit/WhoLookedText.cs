using OneVisit.Cli.Cases;
using OneVisit.Cli.Common;
using OneVisit.Rules.Catalog;
using OneVisit.Workflows.Audit;

namespace OneVisit.Cli.Audit;

/// <summary><c>audit who-looked</c> for people: a title, a line per look (when, who, case, what, why), how many.</summary>
internal sealed class WhoLookedText(Terminal output, ProcedureCatalog catalog, TimeZoneInfo zone, TextLanguage language)
{
    private readonly WhoLookedLabels _labels = WhoLookedLabels.For(language);
    private readonly CaseLabels _words = CaseLabels.For(language);

    public void Write(string subjectId, IReadOnlyList<DataAccess> accesses, string database)
    {
        output.WriteLine(_labels.Heading(subjectId, database));
        if (accesses.Count == 0)
        {
            output.WriteLine(_labels.NoOne(subjectId));
            return;
        }

        // Which data and why are what the runtime and the reader wrote: data, shown as written.
        var table = new TextTable(_labels.Headers);
        foreach (var access in accesses)
        {
            table.Add(_words.Time(access.At, zone), _words.Party(catalog, access.Who), access.CaseId, access.What, access.Why);
        }

        table.Write(output, "  ");
        output.WriteLine(_labels.Summary(accesses.Count));
    }
}
