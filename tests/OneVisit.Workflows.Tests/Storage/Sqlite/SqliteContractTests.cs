using OneVisit.Workflows.Tests.Storage.Contract;

namespace OneVisit.Workflows.Tests.Storage.Sqlite;

// The storage contract, run against SQLite: each test on a fresh file of its own.

public sealed class SqliteCaseStoreContractTests : CaseStoreContract
{
    protected override Task<StorageUnderTest> OpenAsync() => SqliteStorageFile.OpenContractAsync();
}

public sealed class SqliteAuditStoreContractTests : AuditStoreContract
{
    protected override Task<StorageUnderTest> OpenAsync() => SqliteStorageFile.OpenContractAsync();
}

public sealed class SqliteLedgerStoreContractTests : LedgerStoreContract
{
    protected override Task<StorageUnderTest> OpenAsync() => SqliteStorageFile.OpenContractAsync();
}

public sealed class SqliteTimerStoreContractTests : TimerStoreContract
{
    protected override Task<StorageUnderTest> OpenAsync() => SqliteStorageFile.OpenContractAsync();
}

public sealed class SqliteProcedureVersionStoreContractTests : ProcedureVersionStoreContract
{
    protected override Task<StorageUnderTest> OpenAsync() => SqliteStorageFile.OpenContractAsync();
}

public sealed class SqliteClaimContractTests : ClaimContract
{
    protected override Task<StorageUnderTest> OpenAsync() => SqliteStorageFile.OpenContractAsync();
}

public sealed class SqliteEvidenceContractTests : EvidenceContract
{
    protected override Task<StorageUnderTest> OpenAsync() => SqliteStorageFile.OpenContractAsync();
}

public sealed class SqliteCaseStorageContractTests : CaseStorageContract
{
    protected override Task<StorageUnderTest> OpenAsync() => SqliteStorageFile.OpenContractAsync();
}

public sealed class SqliteAuditChainContractTests : AuditChainContract
{
    protected override Task<StorageUnderTest> OpenAsync() => SqliteStorageFile.OpenContractAsync();
}

public sealed class SqliteRetentionContractTests : RetentionContract
{
    protected override Task<StorageUnderTest> OpenAsync() => SqliteStorageFile.OpenContractAsync();
}

public sealed class SqliteHistoryContractTests : HistoryContract
{
    protected override Task<StorageUnderTest> OpenAsync() => SqliteStorageFile.OpenContractAsync();
}
