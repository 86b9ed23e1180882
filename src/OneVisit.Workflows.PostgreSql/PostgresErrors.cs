using Npgsql;
using OneVisit.Workflows.Cases;

namespace OneVisit.Workflows.PostgreSql;

/// <summary>What PostgreSQL's and Npgsql's failures mean to a caller of the case service: whether a retry may help.</summary>
/// <remarks>
/// A write runs in one transaction, so whatever failed was applied whole or not at all; when the connection broke
/// during the commit, the caller cannot tell which, and a retry is safe because every write of the port is idempotent.
/// </remarks>
internal static class PostgresErrors
{
    public static CaseStoreException? Translate(Exception exception) => exception switch
    {
        PostgresException server => FromServer(server),
        NpgsqlException client => new(
            "The case store (PostgreSQL) could not be reached, or the connection broke; what was being done was applied whole or not at all. "
            + "Check the database and the connection string, then retry the call.",
            mayRetry: true,
            client),
        _ => null,
    };

    private static CaseStoreException FromServer(PostgresException server) => server.SqlState switch
    {
        PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable =>
            new("The case store (PostgreSQL) refused the write because another node wrote the same rows at the same time; nothing was changed. Retry the call.", mayRetry: true, server),
        PostgresErrorCodes.ReadOnlySqlTransaction =>
            new("The case store (PostgreSQL) is read-only (a standby, or default_transaction_read_only is on); nothing was changed. Point the host at the primary.", mayRetry: false, server),
        PostgresErrorCodes.UndefinedTable =>
            new("The case store (PostgreSQL) has no OneVisit tables: no OneVisit host has started on this database yet, or the connection string names another one.", mayRetry: false, server),
        PostgresErrorCodes.InsufficientPrivilege =>
            new("The case store's PostgreSQL role may not do this (permissions); nothing was changed.", mayRetry: false, server),
        _ when server.IsTransient =>
            new($"The case store (PostgreSQL) is unavailable for now ({server.SqlState}: {server.MessageText}); nothing was changed. Retry the call.", mayRetry: true, server),
        _ => new($"The case store (PostgreSQL) failed ({server.SqlState}: {server.MessageText}); nothing was changed.", mayRetry: false, server),
    };
}
