using Microsoft.Data.Sqlite;

namespace OneVisit.Workflows.Storage;

/// <summary>
/// OneVisit's tables in the case database. Every write a step makes is idempotent (keyed inserts, updates to
/// a final value), because WorkflowCore runs a step at least once and a crash can repeat it.
/// </summary>
internal sealed partial class CaseStore(ISqliteDatabase database)
{
    private static readonly Engine.Persistence.SqliteMigrations Migrations = new(CaseSchema.Component, CaseSchema.Migrations);

    public Task InitializeAsync(CancellationToken cancellationToken = default) => database.MigrateAsync(Migrations, cancellationToken);

    /// <summary>One statement, through the database's group-commit writer.</summary>
    private Task<int> ExecuteAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        database.WriteAsync(transaction => Execute(transaction, sql, bind), cancellationToken);

    /// <summary>One statement, in a transaction the caller owns (a workflow document's save).</summary>
    private static int Execute(SqliteTransaction transaction, string sql, Action<SqliteCommand> bind)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind(command);
        return command.ExecuteNonQuery();
    }

    /// <summary>Holds a statement for the next save of the document that carries <paramref name="writes"/>.</summary>
    private static void Pending(PendingWrites writes, string sql, Action<SqliteCommand> bind) =>
        writes.Add(transaction => Execute(transaction, sql, bind));

    private Task<List<T>> QueryAsync<T>(string sql, Action<SqliteCommand> bind, Func<SqliteDataReader, T> read, CancellationToken cancellationToken) =>
        database.ReadAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
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
