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
        database.WriteAsync(
            transaction =>
            {
                using var command = transaction.Connection!.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                bind(command);
                return command.ExecuteNonQuery();
            },
            cancellationToken);

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
