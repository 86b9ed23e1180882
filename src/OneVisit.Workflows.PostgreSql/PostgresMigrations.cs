using Npgsql;

namespace OneVisit.Workflows.PostgreSql;

/// <summary>
/// Brings one component's tables to the latest version, with its version in a row of <c>schema_versions</c> (as on
/// SQLite, so WorkflowCore's tables can later keep theirs beside it).
/// </summary>
/// <remarks>
/// Each script runs in its own transaction together with its version bump, after taking a transaction-scoped advisory
/// lock that every OneVisit migration on the database takes: when several nodes start at once, one applies a script
/// and the others wait, then read the new version and apply nothing twice. A crash leaves the schema at a whole
/// version. The lock is transaction-scoped, so it also holds behind a transaction-pooling PgBouncer.
/// </remarks>
internal sealed class PostgresMigrations(string component, IReadOnlyList<string> scripts)
{
    /// <summary>The advisory lock (bigint key space) every OneVisit schema change takes: "OneVisit" in ASCII.</summary>
    public const long SchemaLock = 0x4F6E655669736974;

    public string Component { get; } = component;

    public int LatestVersion => scripts.Count;

    /// <summary>Applies every script the database has not seen yet; returns the version it ends at.</summary>
    public async Task<int> ApplyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // A database already at the latest version needs no lock and no DDL, so a read-only session (a hot standby,
            // or 'onevisit cases' inspecting with default_transaction_read_only on) can use the store: the engine's store
            // calls this before its first read, even when the runtime was never started.
            if (await ReadVersionIfPresentAsync(connection, Component, cancellationToken).ConfigureAwait(false) == LatestVersion)
            {
                return LatestVersion;
            }

            while (true)
            {
                var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    await using (var lockSchema = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
                    {
                        lockSchema.Parameters.AddWithValue("key", SchemaLock);
                        await lockSchema.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_versions (component text COLLATE \"C\" PRIMARY KEY, version integer NOT NULL)", cancellationToken).ConfigureAwait(false);
                    var current = await ReadVersionAsync(connection, transaction, Component, cancellationToken).ConfigureAwait(false);
                    if (current > LatestVersion)
                    {
                        throw new InvalidOperationException(
                            $"The {Component} schema in this database is at version {current}, newer than this build knows ({LatestVersion}). Run a newer OneVisit against it.");
                    }

                    if (current == LatestVersion)
                    {
                        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                        return current;
                    }

                    await ExecuteAsync(connection, transaction, scripts[current], cancellationToken).ConfigureAwait(false);
                    await using (var bump = new NpgsqlCommand(
                        "INSERT INTO schema_versions (component, version) VALUES (@component, @version) ON CONFLICT (component) DO UPDATE SET version = excluded.version",
                        connection,
                        transaction))
                    {
                        bump.Text("component", Component).Int("version", current + 1);
                        await bump.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>The component's version in this database; 0 when it has never been migrated.</summary>
    public static async Task<int> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string component, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM schema_versions WHERE component = @component", connection, transaction);
        command.Text("component", component);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int version ? version : 0;
    }

    /// <summary>The component's version, or 0 when <c>schema_versions</c> does not exist yet; reads only.</summary>
    private static async Task<int> ReadVersionIfPresentAsync(NpgsqlConnection connection, string component, CancellationToken cancellationToken)
    {
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_versions') IS NOT NULL", connection))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
            {
                return 0;
            }
        }

        return await ReadVersionAsync(connection, transaction: null, component, cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
