using Microsoft.Extensions.Logging.Abstractions;
using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Actors.Internal;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Audit.Internal;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Persistence.Sqlite;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Tests.Support;

/// <summary>The audit log over a bare store (no runtime), read as the host's processing.</summary>
internal static class TestAuditLog
{
    public static IAuditLog Over(SqliteCaseStore store, AuditSeal seal)
    {
        var gate = new CaseGate(new CaseAccess([], TimeProvider.System), new NoCaseActorAccessor(), store, TimeProvider.System, NullLogger<CaseGate>.Instance);
        return new AuditLog(store, store, new CaseStoreErrors([store]), seal, gate).As(CaseActor.System);
    }
}
