using OneVisit.Workflows.Tests.Storage.Contract;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Storage.PostgreSql;

// The storage contract, run against PostgreSQL: each test on a fresh database of its own in the run's one cluster.

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresCaseStoreContractTests(PostgresClusterFixture cluster) : CaseStoreContract
{
    protected override Task<StorageUnderTest> OpenAsync() => PostgresStorageDatabase.OpenContractAsync(cluster, nameof(PostgresCaseStoreContractTests));
}

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresAuditStoreContractTests(PostgresClusterFixture cluster) : AuditStoreContract
{
    protected override Task<StorageUnderTest> OpenAsync() => PostgresStorageDatabase.OpenContractAsync(cluster, nameof(PostgresAuditStoreContractTests));
}

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresAuditChainContractTests(PostgresClusterFixture cluster) : AuditChainContract
{
    protected override Task<StorageUnderTest> OpenAsync() => PostgresStorageDatabase.OpenContractAsync(cluster, nameof(PostgresAuditChainContractTests));
}

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresLedgerStoreContractTests(PostgresClusterFixture cluster) : LedgerStoreContract
{
    protected override Task<StorageUnderTest> OpenAsync() => PostgresStorageDatabase.OpenContractAsync(cluster, nameof(PostgresLedgerStoreContractTests));
}

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresProcedureVersionStoreContractTests(PostgresClusterFixture cluster) : ProcedureVersionStoreContract
{
    protected override Task<StorageUnderTest> OpenAsync() => PostgresStorageDatabase.OpenContractAsync(cluster, nameof(PostgresProcedureVersionStoreContractTests));
}

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresTimerStoreContractTests(PostgresClusterFixture cluster) : TimerStoreContract
{
    protected override Task<StorageUnderTest> OpenAsync() => PostgresStorageDatabase.OpenContractAsync(cluster, nameof(PostgresTimerStoreContractTests));
}

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresClaimContractTests(PostgresClusterFixture cluster) : ClaimContract
{
    protected override Task<StorageUnderTest> OpenAsync() => PostgresStorageDatabase.OpenContractAsync(cluster, nameof(PostgresClaimContractTests));
}

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresEvidenceContractTests(PostgresClusterFixture cluster) : EvidenceContract
{
    protected override Task<StorageUnderTest> OpenAsync() => PostgresStorageDatabase.OpenContractAsync(cluster, nameof(PostgresEvidenceContractTests));
}

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresCaseStorageContractTests(PostgresClusterFixture cluster) : CaseStorageContract
{
    protected override Task<StorageUnderTest> OpenAsync() => PostgresStorageDatabase.OpenContractAsync(cluster, nameof(PostgresCaseStorageContractTests));
}

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresRetentionContractTests(PostgresClusterFixture cluster) : RetentionContract
{
    protected override Task<StorageUnderTest> OpenAsync() => PostgresStorageDatabase.OpenContractAsync(cluster, nameof(PostgresRetentionContractTests));
}

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresHistoryContractTests(PostgresClusterFixture cluster) : HistoryContract
{
    protected override Task<StorageUnderTest> OpenAsync() => PostgresStorageDatabase.OpenContractAsync(cluster, nameof(PostgresHistoryContractTests));
}
