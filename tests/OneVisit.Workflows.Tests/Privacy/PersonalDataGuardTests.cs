using Microsoft.Extensions.Logging;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Privacy;

/// <summary>The guard every case harness logs through catches an applicant's id in a message or an exception, and nothing else.</summary>
public sealed class PersonalDataGuardTests
{
    [Fact]
    public void Log_ApplicantIdInMessageOrException_IsALeak()
    {
        using var guard = new PersonalDataGuard(PersonalDataGuard.SampleApplicants);
        var logger = guard.CreateLogger("test");

        logger.LogDebug("Case C1 of {Applicant}", "330106198001010011");
        logger.LogError(new InvalidOperationException("bad document for 330106199001010022"), "Case C2 failed");
        logger.LogInformation("Case C3 closed: Approved");

        Assert.Equal(2, guard.Leaks.Count);
    }
}
