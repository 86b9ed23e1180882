using Microsoft.Extensions.DependencyInjection;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Migration;
using OneVisit.Workflows.Simulation;
using OneVisit.Workflows.Tests.Support;
using static OneVisit.Workflows.Tests.Migration.MigrationCatalogues;

namespace OneVisit.Workflows.Tests.Migration;

/// <summary>
/// Open cases of errand 1 (the branch registration) started on version 1, moved to a version 2 that changed one thing
/// or several: each kind of change, on a case not yet accepted and on one accepted, and the cases that cannot move.
/// The cases start on one runtime and move on another, started with the new catalogue, as in a deployment.
/// </summary>
public abstract class MigrationCases
{
    private protected MigrationCases(CaseStore store) => Store = store;

    private protected CaseStore Store { get; }

    [Fact]
    public async Task Plan_NamesEveryChange_AndChangesNothing()
    {
        await using var run = await StartOnVersion1Async();
        var id = await run.SubmitAwaitingSupplementAsync();
        await using var v2 = await run.RestartAsync(Version2(AddsRepresentativeLetter, DropsBranchHeadAppointment, CityBureauForAll, StatutoryDays(10)));

        var plan = await v2.Migrations.PlanAsync(Code, 2);

        var only = Assert.Single(plan.Cases);
        Assert.Equal((id, 1, CaseStage.AwaitingSupplement, MigrationStatus.WillMove), (only.CaseId, only.FromVersion, only.Stage, only.Status));
        Assert.Equal(
            [
                (MigrationChangeKind.MaterialRequired, "representative_letter"),
                (MigrationChangeKind.MaterialNoLongerRequired, "branch_head_appointment"),
                (MigrationChangeKind.Forwarded, "authority"),
                (MigrationChangeKind.TimeLimit, "statutory"),
            ],
            only.Changes.Select(c => (c.Kind, c.Subject)));
        Assert.Contains("15 working days → 10 working days; no time has run yet (not accepted), so it applies from acceptance", only.Changes[3].Detail);
        Assert.Contains("hz_amr_shangcheng → hz_amr", only.Changes[2].Detail);

        Assert.Equal(["1"], await v2.Harness.Sql.StringsAsync($"SELECT CAST(procedure_version AS TEXT) FROM ov_cases WHERE case_id = '{id}'"));
        Assert.DoesNotContain(await v2.Harness.Audit.ForCaseAsync(id), e => e.Action == AuditActions.Migrated);
    }

    [Fact]
    public async Task Apply_MovesTheCaseOnce_AsksOnceForWhatIsNew_ForwardsIt_AndTheCaseFinishes()
    {
        await using var run = await StartOnVersion1Async();
        var id = await run.SubmitAwaitingSupplementAsync();
        await using var v2 = await run.RestartAsync(Version2(AddsRepresentativeLetter, DropsBranchHeadAppointment, CityBureauForAll, StatutoryDays(10)));

        var applied = await v2.Migrations.ApplyAsync(Code, 2);
        var again = await v2.Migrations.ApplyAsync(Code, 2);

        Assert.Equal(MigrationStatus.Moved, Assert.Single(applied.Cases).Status);
        Assert.Equal(MigrationStatus.AlreadyMoved, Assert.Single(again.Cases).Status);
        var snapshot = await v2.Harness.Cases.GetAsync(id);
        Assert.Equal((2, "hz_amr", CaseStage.AwaitingSupplement), (snapshot.ProcedureVersion, snapshot.AuthorityId, snapshot.Stage));
        Assert.Equal(["premises_lease_contract", "representative_letter"], snapshot.Awaiting.Select(a => a.MaterialId).Order(StringComparer.Ordinal));
        var trail = await v2.Harness.Audit.ForCaseAsync(id);
        var migrated = Assert.Single(trail, e => e.Action == AuditActions.Migrated);
        Assert.StartsWith("330100-SC-0001 v1 → v2: ", migrated.Detail);
        Assert.Contains("Under v2 also required: 指定代表或者共同委托代理人授权委托书", Assert.Single(trail, e => e.Action == AuditActions.NoticeIssued && e.Detail.StartsWith("Under v2", StringComparison.Ordinal)).Detail);
        Assert.Single(trail, e => e.Action == AuditActions.Forwarded);
        Assert.Equal(["2"], await v2.Harness.Sql.StringsAsync($"SELECT CAST(procedure_version AS TEXT) FROM ov_cases WHERE case_id = '{id}'"));

        // The applicant brings what the one notice listed; the city bureau, now competent, decides.
        await v2.Harness.Cases.SupplyDocumentsAsync(id, new SuppliedDocuments([new("lease_contract", "2014"), new("designated_representative_authorisation")]));
        await v2.Harness.WaitForStage(id, CaseStage.UnderReview);
        await v2.Harness.Cases.DecideAsync(id, new OfficerDecision(Approved: true));
        var decided = await v2.Harness.WaitUntil(id, s => s.Decision is not null);
        Assert.Equal("hz_amr", decided.AuthorityId);
        Assert.True((await v2.Harness.Audit.VerifyAsync(id)).AllVerified);
    }

    [Fact]
    public async Task Apply_WhenTheNewVersionAsksNothingMore_AcceptsTheWaitingCase()
    {
        await using var run = await StartOnVersion1Async();
        var id = await run.SubmitAwaitingSupplementAsync();
        await using var v2 = await run.RestartAsync(Version2(DropsLeaseContract, DropsBranchHeadAppointment));

        var applied = await v2.Migrations.ApplyAsync(Code, 2);

        Assert.Equal([MigrationChangeKind.MaterialNoLongerRequired, MigrationChangeKind.MaterialNoLongerRequired], Assert.Single(applied.Cases).Changes.Select(c => c.Kind));
        var reviewed = await v2.Harness.WaitForStage(id, CaseStage.UnderReview);
        Assert.Equal(2, reviewed.ProcedureVersion);
        Assert.Single(await v2.Harness.Audit.ForCaseAsync(id), e => e.Action == AuditActions.Accepted);
        Assert.True((await v2.Harness.Audit.VerifyAsync(id)).AllVerified);
    }

    [Fact]
    public async Task CaseWaitingForItsNotice_MovesToAVersionWhoseWorkflowFetchesInParallel_AndRunsItsNewSteps()
    {
        await using var run = await StartOnVersion1Async(catalogue: Version1WithoutFetching());
        var id = await run.SubmitAwaitingSupplementAsync();
        Assert.Equal(6, (await run.Harness.Cases.GetAsync(id)).Awaiting.Count);
        await using var v2 = await run.RestartAsync(Version2());

        var moved = Assert.Single((await v2.Migrations.ApplyAsync(Code, 2)).Cases);

        Assert.Equal(4, moved.Changes.Count(c => c.Kind == MigrationChangeKind.MaterialNoLongerRequired));
        Assert.Equal(4, moved.Changes.Count(c => c.Kind == MigrationChangeKind.Fetching));
        Assert.Equal(["branch_head_appointment", "premises_lease_contract"], (await v2.Harness.Cases.GetAsync(id)).Awaiting.Select(a => a.MaterialId).Order(StringComparer.Ordinal));

        // Intake, the step it waited in, finishes under version 2's workflow, whose parallel branches fetch the four documents.
        await v2.Harness.Cases.SupplyDocumentsAsync(id, new SuppliedDocuments([new("lease_contract", "2014"), new("branch_head_appointment")]));
        var reviewed = await v2.Harness.WaitForStage(id, CaseStage.UnderReview);
        Assert.Equal(4, reviewed.Evidence.Count(e => e.State == "received"));
        var trail = await v2.Harness.Audit.ForCaseAsync(id);
        Assert.Single(trail, e => e.Action == AuditActions.Accepted);
        Assert.Single(trail, e => e.Action == AuditActions.NoticeIssued);
        Assert.True((await v2.Harness.Audit.VerifyAsync(id)).AllVerified);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task HeldFormInAnEditionTheNewVersionNoLongerAccepts_IsConvertedOrAskedForInTheNotice(bool converts)
    {
        await using var run = await StartOnVersion1Async();
        var id = await run.SubmitAwaitingSupplementAsync(holdsLease: true);
        var catalogue = Version2(LeaseIn2017EditionOnly);
        Publish2017Lease(catalogue, converts);
        await using var v2 = await run.RestartAsync(catalogue);

        var change = Assert.Single(Assert.Single((await v2.Migrations.ApplyAsync(Code, 2)).Cases).Changes);

        Assert.Equal(("premises_lease_contract", converts ? MigrationChangeKind.EditionConverted : MigrationChangeKind.EditionOutdated), (change.Subject, change.Kind));
        var awaiting = (await v2.Harness.Cases.GetAsync(id)).Awaiting.Select(a => a.MaterialId).Order(StringComparer.Ordinal);
        Assert.Equal(converts ? ["branch_head_appointment"] : ["branch_head_appointment", "premises_lease_contract"], awaiting);
        Assert.Equal(converts ? 0 : 1, (await v2.Harness.Audit.ForCaseAsync(id)).Count(e => e.Action == AuditActions.NoticeIssued && e.Detail.StartsWith("Under v2", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AcceptedCase_StopsWaitingForWhatIsNoLongerRequired_AndTakesTheShorterLimit()
    {
        await using var run = await StartOnVersion1Async(RegistryAnswersLater);
        var id = await run.SubmitAcceptedAsync();
        await using var v2 = await run.RestartAsync(Version2(PropertyCertificateOnlyWhenOwned, StatutoryDays(10)), RegistryAnswersLater);

        var moved = Assert.Single((await v2.Migrations.ApplyAsync(Code, 2)).Cases);

        Assert.Equal(MigrationStatus.Moved, moved.Status);
        Assert.Equal([(MigrationChangeKind.MaterialNoLongerRequired, "premises_property_certificate"), (MigrationChangeKind.TimeLimit, "statutory")], moved.Changes.Select(c => (c.Kind, c.Subject)));
        Assert.Contains("counted from acceptance with the time already spent", moved.Changes[1].Detail);
        var reviewed = await v2.Harness.WaitForStage(id, CaseStage.UnderReview);
        Assert.Equal("not_required", reviewed.Evidence.Single(e => e.MaterialId == "premises_property_certificate").State);
        Assert.True((await v2.Harness.Audit.VerifyAsync(id)).AllVerified);
    }

    [Fact]
    public async Task AcceptedCase_KeepsItsEarlierDueDate_WhenTheNewLimitIsLonger()
    {
        await using var run = await StartOnVersion1Async(RegistryAnswersLater);
        await run.SubmitAcceptedAsync();
        await using var v2 = await run.RestartAsync(Version2(StatutoryDays(20)), RegistryAnswersLater);

        var moved = Assert.Single((await v2.Migrations.ApplyAsync(Code, 2)).Cases);

        Assert.Contains("the case keeps 15 working days", Assert.Single(moved.Changes).Detail);
        Assert.Contains("a running limit is never lengthened", moved.Changes[0].Detail);
    }

    [Fact]
    public async Task AcceptedCase_IsNotAskedForMore_AndStaysOnItsVersion()
    {
        await using var run = await StartOnVersion1Async(RegistryAnswersLater);
        var id = await run.SubmitAcceptedAsync();
        await using var v2 = await run.RestartAsync(Version2(AddsRepresentativeLetter), RegistryAnswersLater);

        var stays = Assert.Single((await v2.Migrations.ApplyAsync(Code, 2)).Cases);

        Assert.Equal(MigrationStatus.CannotMove, stays.Status);
        Assert.Contains("accepted under v1, and v2 requires more: 指定代表或者共同委托代理人授权委托书", stays.Reason);
        Assert.Contains("从旧兼从轻", stays.Reason);
        Assert.Equal(1, (await v2.Harness.Cases.GetAsync(id)).ProcedureVersion);
        Assert.DoesNotContain(await v2.Harness.Audit.ForCaseAsync(id), e => e.Action == AuditActions.Migrated);
    }

    [Fact]
    public async Task CaseWhoseStoredApplicationNoLongerFits_StaysWithTheReason_AndTheRunGoesOn()
    {
        await using var run = await StartOnVersion1Async();
        var broken = await run.SubmitAwaitingSupplementAsync();
        var fine = await run.SubmitAwaitingSupplementAsync(key: "migration-2");
        // As if the catalogue had dropped a fact this application answered.
        await run.Harness.Sql.ExecuteAsync(
            "UPDATE ov_cases SET application = replace(application, '\"applicant.is_agent\"', '\"applicant.was_agent\"') WHERE case_id = $id", ("id", broken));
        await using var v2 = await run.RestartAsync(Version2(StatutoryDays(10)));

        var applied = await v2.Migrations.ApplyAsync(Code, 2);

        var stays = applied.Cases.Single(c => c.CaseId == broken);
        Assert.Equal(MigrationStatus.CannotMove, stays.Status);
        Assert.StartsWith("its stored application does not fit the catalogue of v2 (", stays.Reason);
        Assert.Contains("applicant.was_agent", stays.Reason);
        Assert.Equal(MigrationStatus.Moved, applied.Cases.Single(c => c.CaseId == fine).Status);
    }

    [Fact]
    public async Task DecidedCase_CannotMove()
    {
        await using var run = await StartOnVersion1Async();
        var id = await run.SubmitAwaitingSupplementAsync(pickup: true);
        await run.Harness.Cases.SupplyDocumentsAsync(id, new SuppliedDocuments([new("lease_contract", "2014"), new("branch_head_appointment")]));
        await run.Harness.WaitForStage(id, CaseStage.UnderReview);
        await run.Harness.Cases.DecideAsync(id, new OfficerDecision(Approved: true));
        await run.Harness.WaitForStage(id, CaseStage.AwaitingPickup);
        await using var v2 = await run.RestartAsync(Version2(StatutoryDays(10)));

        var stays = Assert.Single((await v2.Migrations.PlanAsync(Code, 2)).Cases);

        Assert.Equal((MigrationStatus.CannotMove, "already decided under v1: a decision stands on the version it was made under"), (stays.Status, stays.Reason));
    }

    [Fact]
    public async Task Refuses_AnOfficer_AVersionTheCatalogueDoesNotHold_AndAVersionNotYetInForce()
    {
        await using var run = await StartOnVersion1Async();
        await run.SubmitAwaitingSupplementAsync();
        var future = Version2();
        future.Edit(Procedure, t => t.Replace("effective_from: 2017-02-20", "effective_from: 2017-03-01"));
        await using var v2 = await run.RestartAsync(future);

        var officer = CaseActor.Officer("officer-1", [new OfficerPost("hz_amr", OfficerRole.Reviewer)]);
        await Assert.ThrowsAsync<AccessDeniedException>(() => v2.Harness.Services.GetRequiredService<ICaseMigrations>().As(officer).PlanAsync(Code, 2));
        var wrong = await Assert.ThrowsAsync<InvalidCaseInputException>(() => v2.Migrations.PlanAsync(Code, 3));
        Assert.Equal("The catalogue holds v2 of 330100-SC-0001, not v3: cases move to the version the catalogue holds, whose rules can precheck them again. Load the catalogue with v3, or ask for v2.", wrong.Message);
        var early = await Assert.ThrowsAsync<InvalidCaseInputException>(() => v2.Migrations.ApplyAsync(Code, 2));
        Assert.Equal("v2 of 330100-SC-0001 is in force from 2017-03-01: cases move to it on or after that day, not before.", early.Message);
        Assert.Contains("no procedure '330100-SC-9999'", (await Assert.ThrowsAsync<InvalidCaseInputException>(() => v2.Migrations.PlanAsync("330100-SC-9999", 1))).Message);
    }

    private static void RegistryAnswersLater(SimulatedDepartmentsOptions departments) => departments.Answers["hz_real_estate_registry"] = SimulatedAnswer.Later;

    private async Task<MigrationRun> StartOnVersion1Async(Action<SimulatedDepartmentsOptions>? departments = null, TempCatalogue? catalogue = null, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        catalogue ??= Version1();
        var directory = Directory.CreateTempSubdirectory("onevisit-migration-").FullName;
        var postgres = await Store.NewDatabaseAsync(test);
        var harness = await CaseHarness.StartAsync(departments, directory: directory, catalog: catalogue.Path, postgres: postgres);
        return new MigrationRun(harness, catalogue, directory, postgres);
    }

    /// <summary>A store with cases on version 1, and the runtime now running on it.</summary>
    private protected sealed class MigrationRun(CaseHarness harness, TempCatalogue catalogue, string directory, string? postgres) : IAsyncDisposable
    {
        private readonly List<IAsyncDisposable> _owned = [harness];
        private readonly List<TempCatalogue> _catalogues = [catalogue];

        public CaseHarness Harness { get; private set; } = harness;

        public ICaseMigrations Migrations => Harness.Services.GetRequiredService<ICaseMigrations>().As(CaseActor.System);

        /// <summary>Errand 1 as submitted on the founding morning: it waits for the lease contract and the branch head's appointment.</summary>
        public async Task<string> SubmitAwaitingSupplementAsync(bool holdsLease = false, bool pickup = false, string key = "migration-1")
        {
            var submission = Harness.Errand("01-branch-registration.yaml", key);
            if (holdsLease)
            {
                submission = submission with { Application = submission.Application with { Documents = [.. submission.Application.Documents, new HeldDocument("lease_contract", "2014", new DateOnly(2016, 12, 1))] } };
            }

            if (pickup)
            {
                submission = submission with { PreferredDelivery = Rules.Catalog.ResultDelivery.Pickup };
            }

            var id = (await Harness.Cases.SubmitAsync(submission)).CaseId;
            var waiting = await Harness.WaitForStage(id, CaseStage.AwaitingSupplement);
            Assert.Equal(1, waiting.ProcedureVersion);
            return id;
        }

        /// <summary>Errand 1 supplied and accepted, its property certificate awaited from the registry (which answers "later").</summary>
        public async Task<string> SubmitAcceptedAsync()
        {
            var id = await SubmitAwaitingSupplementAsync();
            await Harness.Cases.SupplyDocumentsAsync(id, new SuppliedDocuments([new("lease_contract", "2014"), new("branch_head_appointment")]));
            await Harness.WaitUntil(id, s => s.Evidence.Any(e => e.MaterialId == "premises_property_certificate" && e.State == "waiting"));
            return id;
        }

        /// <summary>Stops the runtime and starts another on the same store with <paramref name="next"/>, as a deployment of the new catalogue does.</summary>
        public async Task<MigrationRun> RestartAsync(TempCatalogue next, Action<SimulatedDepartmentsOptions>? departments = null)
        {
            await Harness.DisposeAsync();
            _owned.Remove(Harness);
            _catalogues.Add(next);
            Harness = await CaseHarness.StartAsync(departments, directory: directory, catalog: next.Path, postgres: postgres);
            _owned.Add(Harness);
            return this;
        }

        public async ValueTask DisposeAsync()
        {
            if (_owned.Count == 0)
            {
                return;
            }

            foreach (var owned in _owned)
            {
                await owned.DisposeAsync();
            }

            _owned.Clear();
            _catalogues.ForEach(c => c.Dispose());
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Left to the OS's temp cleaning.
            }
        }
    }
}

public sealed class SqliteMigrationTests() : MigrationCases(CaseStore.Sqlite);

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresMigrationTests(PostgresClusterFixture postgres) : MigrationCases(CaseStore.PostgreSql(postgres));
