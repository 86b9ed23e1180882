using OneVisit.Cli.Common;
using OneVisit.Workflows.Audit;

namespace OneVisit.Cli.Audit;

/// <summary><c>audit verify</c> for people: a line per case, the first broken line of each broken chain, a summary.</summary>
internal sealed class AuditText(Terminal output, TextLanguage language)
{
    private readonly AuditLabels _labels = AuditLabels.For(language);

    public void Write(AuditVerification verification, string database)
    {
        output.WriteLine(_labels.Heading(database, verification.Cases.Count, verification.MacsChecked));
        if (verification.Cases.Count == 0)
        {
            output.WriteLine(_labels.NoLines);
            return;
        }

        var table = new TextTable("", "", "");
        foreach (var check in verification.Cases)
        {
            table.Add(Tone(check.State), check.CaseId, _labels.States[check.State], Describe(check));
        }

        table.Write(output);
        var broken = verification.Cases.Count(c => c.State == AuditChainState.Broken);
        var unchained = verification.Cases.Count(c => c.State == AuditChainState.NotChained);
        output.WriteLine(_labels.Summary(broken, unchained, verification.Cases.Count), broken > 0 ? ConsoleColour.Red : unchained > 0 ? ConsoleColour.Yellow : ConsoleColour.Green);
    }

    /// <summary>Where and how a chain breaks, or how many lines it has.</summary>
    public string Describe(AuditChainCheck check) =>
        check.Break is { } found ? _labels.Where(found.Position, found.Action, found.Sequence) + _labels.Breaks[found.Kind] : _labels.Lines(check.ChainedLines, check.UnchainedLines);

    public static ConsoleColour Tone(AuditChainState state) => state switch
    {
        AuditChainState.Broken => ConsoleColour.Red,
        AuditChainState.NotChained => ConsoleColour.Yellow,
        _ => ConsoleColour.None,
    };
}
