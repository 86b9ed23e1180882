using Microsoft.Data.Sqlite;

namespace OneVisit.Workflows.Storage;

/// <summary>
/// OneVisit's tables in the case database. Every write a step makes is idempotent (keyed inserts, updates to
/// a final value), because WorkflowCore runs a step at least once and a crash can repeat it.
/// </summary>
internal sealed partial class CaseStore(SqliteConnectionFactory connections, ISqliteWriteQueue writes, Microsoft.Extensions.Logging.ILogger<CaseStore> logger)
{
    private static readonly Engine.Persistence.SqliteMigrations Migrations = new(CaseSchema.Component, CaseSchema.Migrations);

    public SqliteConnectionFactory Connections { get; } = connections;

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await Connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        Migrations.Apply(connection, logger);
    }

    /// <summary>One statement, through the database's group-commit writer.</summary>
    private Task<int> ExecuteAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        writes.WriteAsync(
            transaction =>
            {
                using var command = transaction.Connection!.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                bind(command);
                return command.ExecuteNonQuery();
            },
            cancellationToken);

    private async Task<List<T>> QueryAsync<T>(string sql, Action<SqliteCommand> bind, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await Connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
