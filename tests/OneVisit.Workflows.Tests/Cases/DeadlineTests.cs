using Microsoft.Extensions.DependencyInjection;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Deadlines;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Cases;

/// <summary>Durable timers on a fake clock: supplement deadlines and statutory limits.</summary>
public abstract class DeadlineCases
{
    private protected DeadlineCases(CaseStore store) => Store = store;

    /// <summary>The store this run of the suite puts its cases on.</summary>
    private protected CaseStore Store { get; }

    [Fact]
    public async Task Deadline_NoSupplementByIt_WithdrawsTheApplication()
    {
        await using var harness = await Store.StartAsync(options: o => o.SupplementWorkingDays = 10);
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("01-branch-registration.yaml", "withdrawn"));
        var waiting = await harness.WaitForStage(submitted.CaseId, CaseStage.AwaitingSupplement);

        // Monday 2017-02-20 + 10 working days = Monday 2017-03-06, due at its end.
        Assert.Equal(new DateTimeOffset(2017, 3, 7, 0, 0, 0, TimeSpan.FromHours(8)), waiting.Awaiting[0].Due);
        harness.Time.SetUtcNow(new DateTimeOffset(2017, 3, 6, 23, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal(CaseStage.AwaitingSupplement, (await harness.Cases.GetAsync(submitted.CaseId)).Stage);

        harness.Time.Advance(TimeSpan.FromHours(1));
        var closed = await harness.WaitForStage(submitted.CaseId, CaseStage.Closed);
        Assert.Equal(CaseOutcome.Withdrawn, closed.Outcome);
        Assert.Contains(await harness.Audit.ForCaseAsync(submitted.CaseId), a => a.Action == AuditActions.Withdrawn);
    }

    [Fact]
    public async Task Deadline_StatutoryLimitNearAndPassed_EscalatesEachTime()
    {
        var observer = new RecordingObserver();
        await using var harness = await Store.StartAsync(services: s => s.AddSingleton<ICaseEscalationObserver>(observer));
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "escalation"));
        var review = await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
        var due = review.Deadlines.Single(d => d.Kind == "statutory");

        // 10 working days from Monday 2017-02-20: due at the end of Monday 2017-03-06; "near" one working day before.
        Assert.Equal(new DateTimeOffset(2017, 3, 7, 0, 0, 0, TimeSpan.FromHours(8)), due.Due);
        harness.Time.SetUtcNow(new DateTimeOffset(2017, 3, 6, 0, 0, 0, TimeSpan.FromHours(8)));
        var near = await observer.NextOf("statutory");
        Assert.False(near.Passed);
        Assert.Equal("statutory", near.Limit);

        harness.Time.SetUtcNow(new DateTimeOffset(2017, 3, 7, 0, 0, 0, TimeSpan.FromHours(8)));
        var passed = await observer.NextOf("statutory");
        Assert.True(passed.Passed);
        Assert.Equal("zj_amr", passed.AuthorityId);
        Assert.Equal(2, (await harness.Audit.ForCaseAsync(submitted.CaseId)).Count(a => a.Action == AuditActions.Escalated && a.Detail.StartsWith("The statutory", StringComparison.Ordinal)));
    }

    private sealed class RecordingObserver : ICaseEscalationObserver
    {
        private readonly System.Threading.Channels.Channel<CaseEscalation> _seen = System.Threading.Channels.Channel.CreateUnbounded<CaseEscalation>();

        /// <summary>The next escalation of <paramref name="limit"/> (the promised limit escalates too, earlier).</summary>
        public async Task<CaseEscalation> NextOf(string limit)
        {
            while (true)
            {
                var next = await _seen.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
                if (next.Limit == limit)
                {
                    return next;
                }
            }
        }

        public Task OnEscalationAsync(CaseEscalation escalation, CancellationToken cancellationToken) =>
            _seen.Writer.WriteAsync(escalation, cancellationToken).AsTask();
    }
}

public sealed class SqliteDeadlineTests() : DeadlineCases(CaseStore.Sqlite);

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresDeadlineTests(PostgresClusterFixture postgres) : DeadlineCases(CaseStore.PostgreSql(postgres));
