using Microsoft.Data.Sqlite;

namespace OneVisit.Workflows.Storage;

/// <summary>
/// Applies a component's ordered migrations once each, in a transaction per migration, recording the version
/// per component so the engine's tables and OneVisit's evolve independently in one file.
/// </summary>
internal static class SchemaMigrator
{
    public static async Task ApplyAsync(SqliteConnection connection, string component, IReadOnlyList<string> migrations, CancellationToken cancellationToken)
    {
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL)";
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // BEGIN IMMEDIATE takes the write lock first, so two hosts starting on one file migrate one at a time.
        for (var next = 0; next < migrations.Count; next++)
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using var read = connection.CreateCommand();
            read.Transaction = transaction;
            read.CommandText = "SELECT version FROM schema_versions WHERE component = $c";
            read.With("$c", component);
            var current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0, System.Globalization.CultureInfo.InvariantCulture);
            if (current > migrations.Count)
            {
                throw new InvalidOperationException(
                    $"The database's '{component}' schema is version {current}, newer than this OneVisit knows ({migrations.Count}). Upgrade OneVisit, or use a copy of the database made before the upgrade.");
            }

            if (current > next)
            {
                next = current - 1;
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            await using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = migrations[next];
            await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_versions (component, version) VALUES ($c, $v) ON CONFLICT (component) DO UPDATE SET version = $v";
            record.With("$c", component).With("$v", next + 1);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
