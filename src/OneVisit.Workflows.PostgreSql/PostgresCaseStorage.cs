using System.Data.Common;
using Npgsql;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.PostgreSql;

/// <summary>
/// The storage port on PostgreSQL: OneVisit's own tables (<c>ov_</c>, <see cref="PostgresSchema"/>) in a database that
/// several nodes share. Each call is its own transaction on a pooled connection of <paramref name="dataSource"/>, which
/// the caller owns; <paramref name="seal"/> seals the audit lines (see <see cref="AuditSeal"/>).
/// </summary>
/// <remarks>
/// A case counts as started once <see cref="ICaseStore.SetWorkflowAsync"/> linked it, or when the engine holds a workflow
/// whose reference is the case (the host may stop between the two), as on SQLite: the engine's store
/// (Engine/PostgresWorkflowStore) keeps its own tables, migrated as a component of their own, so the case store looks for
/// <c>wf_instances</c> until it exists and then always counts it (tables are never dropped). A database that only holds
/// the case store's tables counts the link alone.
/// </remarks>
/// <param name="dataSource">The database; the host owns it.</param>
/// <param name="seal">Seals the audit lines.</param>
/// <param name="node">This process as a node of a cluster; null when the store is used alone (inspection, tests).</param>
internal sealed partial class PostgresCaseStorage(NpgsqlDataSource dataSource, AuditSeal seal, Hosting.PostgresNode? node = null)
    : ICaseStorage, ICaseStore, IAuditStore, ILedgerStore, ITimerStore, IProcedureVersionStore
{
    /// <summary>True when the store runs as a node of a cluster: timers and evidence requests are then claimed.</summary>
    public bool SharedByNodes => node is not null;

    /// <summary>The node this store runs as, if any.</summary>
    public Hosting.PostgresNode? Node => node;

    // Binds the node's id and lease for the claim statements (null id: no node, every claim succeeds).
    private void BindNode(NpgsqlCommand command) =>
        command.Uuid("node", node?.Id).Interval("lease", node?.Lease ?? TimeSpan.Zero);

    /// <summary>The data source under the store; the engine's store writes through the same one.</summary>
    public NpgsqlDataSource DataSource => dataSource;

    /// <summary>What seals this store's audit lines; the engine's store seals the case writes it commits with it.</summary>
    public AuditSeal Seal => seal;

    /// <summary>OneVisit's own tables (<c>ov_</c>), versioned as one component.</summary>
    internal static readonly PostgresMigrations Migrations = new(PostgresSchema.Component, PostgresSchema.Migrations);

    /// <summary>Brings the tables up to date; several nodes may call it at once (see <see cref="PostgresMigrations"/>).</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => Migrations.ApplyAsync(dataSource, cancellationToken);

    public CaseStoreException? Translate(Exception exception) => PostgresErrors.Translate(exception);

    private volatile bool _engineTables;

    /// <summary>Whether the engine's <c>wf_instances</c> exists (looked up until it does, then remembered).</summary>
    private async Task<bool> EngineTablesExistAsync(CancellationToken cancellationToken)
    {
        if (!_engineTables)
        {
            var found = await QueryAsync("SELECT to_regclass('wf_instances') IS NOT NULL", NoParameters, r => r.GetBoolean(0), cancellationToken).ConfigureAwait(false);
            _engineTables = found[0];
        }

        return _engineTables;
    }

    /// <summary>Runs <paramref name="write"/> in a transaction of its own: committed whole, or rolled back when it throws.</summary>
    public Task<T> WriteAsync<T>(Func<ICaseTransaction, T> write, CancellationToken cancellationToken) =>
        PostgresCaseTransaction.RunAsync(dataSource, seal, write, cancellationToken);

    /// <summary>One statement in a transaction of its own (autocommit).</summary>
    private async Task<int> ExecuteAsync(string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        var command = dataSource.CreateCommand(sql);
        await using (command.ConfigureAwait(false))
        {
            bind(command);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<List<T>> QueryAsync<T>(string sql, Action<NpgsqlCommand> bind, Func<DbDataReader, T> read, CancellationToken cancellationToken) =>
        dataSource.QueryAsync(sql, bind, read, cancellationToken);

    private static void NoParameters(NpgsqlCommand command)
    {
    }
}
