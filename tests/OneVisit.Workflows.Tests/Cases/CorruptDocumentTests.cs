using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Cases;

/// <summary>
/// A case document edited outside OneVisit into something this build cannot read: reading the case gives a
/// <see cref="CaseStoreException"/> that names the case and the problem, and the document's content (here the
/// applicant's national id) is in no exception message and no log line.
/// </summary>
public sealed class CorruptDocumentTests
{
    private const string NationalId = "330106198001010011";

    [Theory]
    [InlineData("json", $"\"applicant_id\":\"{NationalId}\"", $"\"applicant_id\":\"{NationalId}")]
    [InlineData("type", $"\"applicant_id\":\"{NationalId}\"", $"\"applicant_id\":[\"{NationalId}\"]")]
    [InlineData("envelope", "{\"t\":\"ov.case\",\"v\":", "{\"v\":")]
    [InlineData("alias", "\"t\":\"ov.case\"", "\"t\":\"ov.case.v0\"")]
    public async Task GetAsync_OnACorruptDocument_NamesTheCaseNeverItsContent(string corruption, string from, string to)
    {
        var logs = new CapturingLoggerProvider();
        await using var harness = await CaseHarness.StartAsync(services: s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs)));
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("01-branch-registration.yaml", $"corrupt-{corruption}", NationalId));
        var caseId = submitted.CaseId;
        await harness.WaitUntil(caseId, s => s.Stage is CaseStage.AwaitingSupplement or CaseStage.UnderReview);
        await harness.Services.GetRequiredService<Workflows.Hosting.CaseRuntime>().StopAsync();

        var edited = await harness.ExecuteAsync(
            "UPDATE wf_instances SET document = CAST(replace(CAST(document AS TEXT), $from, $to) AS BLOB) WHERE reference = $case AND instr(CAST(document AS TEXT), $from) > 0",
            ("$from", from), ("$to", to), ("$case", caseId));
        Assert.Equal(1, edited);
        Assert.Equal(1, await harness.ScalarAsync("SELECT COUNT(*) FROM wf_instances WHERE reference = $case AND instr(CAST(document AS TEXT), $id) > 0", ("$case", caseId), ("$id", NationalId)));

        var error = await Assert.ThrowsAsync<CaseStoreException>(() => harness.Cases.GetAsync(caseId));

        Assert.Contains(caseId, error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be read", error.Message, StringComparison.Ordinal);
        Assert.False(error.MayRetry);
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            Assert.DoesNotContain(NationalId, e.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(logs.Lines, line => line.Contains(NationalId, StringComparison.Ordinal));
    }
}
