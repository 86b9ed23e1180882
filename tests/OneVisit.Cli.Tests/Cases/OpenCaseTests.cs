namespace OneVisit.Cli.Tests.Cases;

/// <summary><c>cases show</c> of a case that still waits: who must do what, by when, in the catalogue's words.</summary>
public sealed class OpenCaseTests
{
    [Fact]
    public async Task CasesShow_CaseWaitingForTheSupplement_SaysWhoMustSupplyWhichDocumentByWhichDayInEachLanguage()
    {
        using var folder = new TempFolder();
        var database = Path.Combine(folder.Path, "cases.db");
        var caseId = await WaitingCase.SubmitBranchRegistrationAsync(database, "open-case");

        var (zhExit, zh, zhError) = Cli.Run("cases", "show", caseId, "--db", database, "--lang", "zh");
        var (enExit, en, enError) = Cli.Run("cases", "show", caseId, "--db", database, "--lang", "en");

        Assert.True(zhExit == ExitCodes.Ok, zh + zhError);
        Assert.True(enExit == ExitCodes.Ok, en + enError);
        // The document's name, never the material id, and what the applicant must do.
        Assert.Matches(@"(?m)^\s+申请人\s+提交\s+房屋租赁合同\s+\S+", zh);
        Assert.DoesNotMatch(@"(?m)^\s+申请人\s+提交\s+premises_lease_contract", zh);
        Assert.Matches(@"(?m)^\s+applicant\s+supply\s+Lease contract\s+end of \w{3} \d{4}-\d{2}-\d{2}", en);
        // The clock has not started: the limits say so, rather than "running".
        Assert.Matches(@"(?m)^\s+statutory\s+15 working days\s+clock not started\s+not started$", en);
    }
}
