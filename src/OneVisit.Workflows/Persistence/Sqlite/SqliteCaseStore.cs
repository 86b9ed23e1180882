using Microsoft.Data.Sqlite;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Persistence.Sqlite;

/// <summary>
/// OneVisit's own tables (prefix <c>ov_</c>) in the SQLite case database, next to the engine's, so a case's audit
/// lines, visits and commitments live and back up with the case. Every write a step makes is idempotent (keyed
/// inserts, updates to a final value), because the engine runs a step at least once and a crash can repeat it.
/// </summary>
internal sealed partial class SqliteCaseStore(SqliteDatabase database)
    : ICaseStorage, ICaseStore, IAuditStore, ILedgerStore, ITimerStore, IProcedureVersionStore
{
    /// <summary>OneVisit's own tables (<c>ov_</c>), versioned as one component.</summary>
    internal static readonly SqliteMigrations Migrations = new(CaseSchema.Component, CaseSchema.Migrations);

    /// <summary>Takes the file for this host (<see cref="SqliteHostLock"/>) and brings the tables up to date; a read-only store cannot run a host.</summary>
    /// <summary>False: one host per file (<see cref="SqliteHostLock"/>).</summary>
    public bool SharedByNodes => false;

    public Task InitializeAsync(CancellationToken cancellationToken) => database.IsReadOnly
        ? Task.FromException(new CaseStoreException(
            $"The case store {database.FileName} is opened read-only (Mode=ReadOnly, for inspection), so the case runtime cannot start on it. "
            + "Give the host a connection string without Mode=ReadOnly.",
            mayRetry: false,
            innerException: null))
        : database.MigrateAsync(Migrations, cancellationToken);

    public CaseStoreException? Translate(Exception exception) => SqliteErrors.Translate(exception);

    public Task<T> WriteAsync<T>(Func<ICaseTransaction, T> write, CancellationToken cancellationToken) =>
        database.WriteAsync(transaction => write(new SqliteCaseTransaction(transaction, database.Options.AuditSeal)), cancellationToken);

    /// <summary>One statement, through the database's group-commit writer.</summary>
    private Task<int> ExecuteAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        database.WriteAsync(transaction => Execute(transaction, sql, bind), cancellationToken);

    /// <summary>One statement, in a transaction the caller owns (a workflow document's save).</summary>
    internal static int Execute(SqliteTransaction transaction, string sql, Action<SqliteCommand> bind)
    {
        using var command = SqlCommands.Create(transaction, sql);
        bind(command);
        return command.ExecuteNonQuery();
    }

    private Task<List<T>> QueryAsync<T>(string sql, Action<SqliteCommand> bind, Func<SqliteDataReader, T> read, CancellationToken cancellationToken) =>
        database.ReadAsync(
            connection =>
            {
                using var command = SqlCommands.Create(connection, sql);
                bind(command);
                using var reader = command.ExecuteReader();
                var rows = new List<T>();
                while (reader.Read())
                {
                    rows.Add(read(reader));
                }

                return rows;
            },
            cancellationToken);
}
