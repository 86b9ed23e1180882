using static OneVisit.Workflows.Tests.Storage.Contract.StorageData;

namespace OneVisit.Workflows.Tests.Storage.Contract;

/// <summary>Claims on a wait's key: of several events for one wait, exactly one is taken.</summary>
public abstract class ClaimContract : StorageContract
{
    private const string Decision = "onevisit.decision";

    private Task<bool> ClaimAsync(string eventKey, string caseId = "case-1", bool onlyWhileOpen = false, string eventName = Decision) =>
        Storage.WriteAsync(t => t.TryClaim(eventName, eventKey, caseId, "officer-1", At(1), onlyWhileOpen), None);

    [Fact]
    public async Task TryClaim_SameKeyTwice_TrueThenFalse()
    {
        await StartCaseAsync(Case("case-1"));

        var first = await ClaimAsync("case-1/decision/1");
        var second = await ClaimAsync("case-1/decision/1");

        Assert.True(first);
        Assert.False(second);
    }

    [Fact]
    public async Task TryClaim_SameKeyTwiceInOneTransaction_TrueThenFalse()
    {
        await StartCaseAsync(Case("case-1"));

        var (first, second) = await Storage.WriteAsync(
            t => (t.TryClaim(Decision, "case-1/decision/1", "case-1", "officer-1", At(1), onlyWhileOpen: true),
                  t.TryClaim(Decision, "case-1/decision/1", "case-1", "timer", At(2), onlyWhileOpen: true)),
            None);

        Assert.True(first);
        Assert.False(second);
    }

    [Fact]
    public async Task Claim_AnswerNotRead_TakesTheKeyForTheRestOfTheTransactionAndAfter()
    {
        // A store may hold the claim back with the other writes (PostgreSQL does): a claim read later in the same
        // transaction must still find it taken, and a closed case does not stop it (as TryClaim in any state).
        await StartCaseAsync(Case("case-1"));

        var inTheSameTransaction = await Storage.WriteAsync(
            t =>
            {
                t.Claim(Decision, "case-1/decision/1", "case-1", "officer-1", At(1));
                return t.TryClaim(Decision, "case-1/decision/1", "case-1", "timer", At(2), onlyWhileOpen: false);
            },
            None);

        Assert.False(inTheSameTransaction);
        Assert.False(await ClaimAsync("case-1/decision/1"));
        Assert.True(await Cases.IsClaimedAsync(Decision, "case-1/decision/1", None));
    }

    [Fact]
    public async Task TryClaim_SameKeyUnderAnotherEventName_IsAClaimOfItsOwn()
    {
        await StartCaseAsync(Case("case-1"));
        await ClaimAsync("case-1/x");

        Assert.True(await ClaimAsync("case-1/x", eventName: "onevisit.pickup"));
        Assert.True(await ClaimAsync("case-1/y"));
    }

    [Fact]
    public async Task TryClaim_OnlyWhileOpenOnAnOpenCase_True()
    {
        await StartCaseAsync(Case("case-1"));

        Assert.True(await ClaimAsync("case-1/decision/1", onlyWhileOpen: true));
        Assert.True(await Cases.IsClaimedAsync(Decision, "case-1/decision/1", None));
    }

    [Fact]
    public async Task TryClaim_OnlyWhileOpenOnAClosedCase_FalseAndNothingClaimed()
    {
        await StartCaseAsync(Case("case-1"));
        await CloseCaseAsync("case-1", At(30));

        Assert.False(await ClaimAsync("case-1/decision/1", onlyWhileOpen: true));
        Assert.False(await Cases.IsClaimedAsync(Decision, "case-1/decision/1", None));
    }

    [Fact]
    public async Task TryClaim_OnlyWhileOpenOnAnUnknownCase_FalseAndNothingClaimed()
    {
        await StartCaseAsync(Case("case-1"));

        Assert.False(await ClaimAsync("case-9/decision/1", caseId: "case-9", onlyWhileOpen: true));
        Assert.False(await Cases.IsClaimedAsync(Decision, "case-9/decision/1", None));
    }

    [Fact]
    public async Task TryClaim_NotOnlyWhileOpenOnAClosedCase_True()
    {
        await StartCaseAsync(Case("case-1"));
        await CloseCaseAsync("case-1", At(30));

        Assert.True(await ClaimAsync("case-1/decision/1", onlyWhileOpen: false));
    }

    [Fact]
    public async Task IsClaimedAsync_BeforeAndAfterAClaim_ReflectsIt()
    {
        await StartCaseAsync(Case("case-1"));
        var before = await Cases.IsClaimedAsync(Decision, "case-1/decision/1", None);

        await ClaimAsync("case-1/decision/1");

        Assert.False(before);
        Assert.True(await Cases.IsClaimedAsync(Decision, "case-1/decision/1", None));
        Assert.False(await Cases.IsClaimedAsync("onevisit.pickup", "case-1/decision/1", None));
    }
}
