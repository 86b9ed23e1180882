using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using OneVisit.Workflows.Cases;

namespace OneVisit.Workflows.Persistence.Sqlite;

/// <summary>
/// Brings one component's tables to the latest version. Several components share one database file
/// (the workflow engine's <c>wf_</c> tables, OneVisit's own <c>ov_</c> tables), so each keeps its version in a
/// row of <c>schema_versions</c> rather than in <c>PRAGMA user_version</c>, which there is only one of.
/// </summary>
/// <remarks>
/// Scripts are never edited once shipped: version N is "script N has run". Each script runs in its own
/// IMMEDIATE transaction together with its version bump, so a crash leaves the database at a whole version and
/// two processes starting at once cannot both apply the same script (the second waits, then sees the new version).
/// </remarks>
internal sealed class SqliteMigrations
{
    private readonly IReadOnlyList<string> _scripts;

    /// <param name="component">The row name in <c>schema_versions</c>, e.g. <c>workflows</c>.</param>
    /// <param name="scripts">SQL scripts in order; script i (0-based) takes the schema to version i + 1.</param>
    public SqliteMigrations(string component, IReadOnlyList<string> scripts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        ArgumentNullException.ThrowIfNull(scripts);
        Component = component;
        _scripts = scripts;
    }

    public string Component { get; }

    public int LatestVersion => _scripts.Count;

    /// <summary>Applies every script the database has not seen yet; returns the version it ends at.</summary>
    public int Apply(SqliteConnection connection, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(logger);
        Execute(connection, null,
            "CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL);");

        while (true)
        {
            // BeginTransaction() is BEGIN IMMEDIATE in Microsoft.Data.Sqlite: the version is read under the write lock.
            using var transaction = connection.BeginTransaction();
            var current = ReadVersion(connection, transaction, Component);
            if (current > LatestVersion)
            {
                throw new InvalidOperationException(
                    $"The {Component} schema in this database is at version {current}, newer than this build knows " +
                    $"({LatestVersion}). Run a newer OneVisit against it.");
            }

            if (current == LatestVersion)
            {
                transaction.Commit();
                Log.SchemaCurrent(logger, Component, current);
                return current;
            }

            Execute(connection, transaction, _scripts[current]);
            using (var bump = connection.CreateCommand())
            {
                bump.Transaction = transaction;
                bump.CommandText =
                    "INSERT INTO schema_versions (component, version) VALUES ($component, $version) " +
                    "ON CONFLICT (component) DO UPDATE SET version = excluded.version;";
                bump.Parameters.AddWithValue("$component", Component);
                bump.Parameters.AddWithValue("$version", current + 1);
                bump.ExecuteNonQuery();
            }

            transaction.Commit();
            Log.MigrationApplied(logger, Component, current + 1);
        }
    }

    /// <summary>
    /// For a store opened read-only, which is never migrated: throws <see cref="CaseStoreException"/> unless the
    /// component's tables are at the version this build reads, saying whether to upgrade the store or OneVisit.
    /// </summary>
    public void Verify(SqliteConnection connection, string database)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_versions';";
            if (command.ExecuteScalar() is 0L)
            {
                throw Refused($"{database} is not a OneVisit case store (it has no schema_versions table). Open the file a OneVisit host's UseSqlite wrote.");
            }
        }

        var current = ReadVersion(connection, null, Component);
        if (current == 0)
        {
            throw Refused($"{database} has no {Component} tables: it is not a OneVisit case store, or no OneVisit host has started on it yet.");
        }

        if (current < LatestVersion)
        {
            throw Refused(
                $"{database} has the {Component} schema at version {current}, older than this version of OneVisit reads ({LatestVersion}), "
                + "and inspection never upgrades a store. Start a OneVisit host on it once to upgrade it, then read it again.");
        }

        if (current > LatestVersion)
        {
            throw Refused(
                $"{database} has the {Component} schema at version {current}, newer than this version of OneVisit reads ({LatestVersion}). "
                + "Use a newer OneVisit to read it.");
        }
    }

    private static CaseStoreException Refused(string message) => new(message, mayRetry: false, innerException: null);

    /// <summary>The component's version in this database; 0 when it has never been migrated.</summary>
    public static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction, string component)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM schema_versions WHERE component = $component;";
        command.Parameters.AddWithValue("$component", component);
        return command.ExecuteScalar() is long version ? checked((int)version) : 0;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
