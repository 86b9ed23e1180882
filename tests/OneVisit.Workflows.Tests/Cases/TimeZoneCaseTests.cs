using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Cases;

/// <summary>A host kept on UTC still ends a Hangzhou deadline at midnight in Hangzhou: the catalogue names the zone.</summary>
public abstract class TimeZoneCases
{
    private protected TimeZoneCases(CaseStore store) => Store = store;

    /// <summary>The store this run of the suite puts its cases on.</summary>
    private protected CaseStore Store { get; }

    [Fact]
    public async Task Deadline_OnAUtcServer_FallsDueAtTheEndOfTheOfficesDay()
    {
        await using var harness = await Store.StartAsync(clockZone: TimeZoneInfo.Utc);
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "utc-server"));

        var review = await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);

        // Accepted on Monday 20 February in Hangzhou; 10 working days end with Monday 6 March, at midnight there
        // (on the server's own UTC days it would be eight hours later).
        var statutory = Assert.Single(review.Deadlines, d => d.Kind == "statutory");
        Assert.Equal(new DateTimeOffset(2017, 3, 7, 0, 0, 0, TimeSpan.FromHours(8)), statutory.Due);
        Assert.Equal(TimeSpan.FromHours(8), statutory.Due!.Value.Offset);
    }
}

public sealed class SqliteTimeZoneCaseTests() : TimeZoneCases(CaseStore.Sqlite);

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresTimeZoneCaseTests(PostgresClusterFixture postgres) : TimeZoneCases(CaseStore.PostgreSql(postgres));
