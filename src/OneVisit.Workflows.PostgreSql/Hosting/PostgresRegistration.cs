using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OneVisit.Workflows.Engine;
using OneVisit.Workflows.Engine.Runtime;
using OneVisit.Workflows.Hosting;
using OneVisit.Workflows.PostgreSql.Engine.Cluster;
using OneVisit.Workflows.PostgreSql.Engine;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.PostgreSql.Hosting;

/// <summary>Registers every storage port and the engine's store on one <see cref="NpgsqlDataSource"/>.</summary>
internal static class PostgresRegistration
{
    public static readonly CaseStorageRegistration Storage = new("PostgreSQL", Register);

    private static void Register(IServiceCollection services)
    {
        services.AddOptions<PostgreSqlCaseOptions>();
        services.AddSingleton(sp => PostgresNode.Start(sp.GetRequiredService<IOptions<PostgreSqlCaseOptions>>().Value));
        services.AddSingleton(sp => DataSource(sp, "", maxPoolSize: null, keepsNoSessionState: true));
        services.AddSingleton(sp => new ClusterConnections(DataSource(sp, " control", maxPoolSize: 2, keepsNoSessionState: false)));
        services.AddSingleton(sp => new PostgresCaseStorage(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<AuditSeal>(), sp.GetRequiredService<PostgresNode>()));
        services.AddSingleton<ICaseStorage>(sp => sp.GetRequiredService<PostgresCaseStorage>());
        services.AddSingleton<IStoreErrorTranslator>(sp => sp.GetRequiredService<PostgresCaseStorage>());
        services.AddSingleton<ICaseStore>(sp => sp.GetRequiredService<PostgresCaseStorage>());
        services.AddSingleton<IAuditStore>(sp => sp.GetRequiredService<PostgresCaseStorage>());
        services.AddSingleton<ILedgerStore>(sp => sp.GetRequiredService<PostgresCaseStorage>());
        services.AddSingleton<ITimerStore>(sp => sp.GetRequiredService<PostgresCaseStorage>());
        services.AddSingleton<IProcedureVersionStore>(sp => sp.GetRequiredService<PostgresCaseStorage>());
        services.AddSingleton<LocksGivenBack>();
        services.AddSingleton(sp => new PostgresWorkflowStore(
            sp.GetRequiredService<PostgresCaseStorage>(), CasePayloads.Create(), sp.GetRequiredService<ILogger<PostgresWorkflowStore>>(),
            givenBack: sp.GetRequiredService<LocksGivenBack>()));
        services.AddSingleton<IEngineStore>(sp => sp.GetRequiredService<PostgresWorkflowStore>());

        // Several nodes: locks and queues shared through the database (the runtime's node-local ones run in front).
        services.AddSingleton(sp => new NodeHeartbeat(
            sp.GetRequiredService<ClusterConnections>(), sp.GetRequiredService<PostgresNode>(),
            sp.GetRequiredService<IOptions<PostgreSqlCaseOptions>>().Value, sp.GetRequiredService<ILogger<NodeHeartbeat>>()));
        services.AddSingleton<IClusterLocks>(sp => new PostgresClusterLocks(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<NodeHeartbeat>(), sp.GetRequiredService<PostgresNode>(),
            sp.GetRequiredService<ILogger<PostgresClusterLocks>>(), sp.GetRequiredService<LocksGivenBack>()));
        services.AddSingleton(sp => new PostgresWorkQueues(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<ClusterConnections>(), sp.GetRequiredService<PostgresNode>(),
            sp.GetRequiredService<IOptions<PostgreSqlCaseOptions>>().Value, sp.GetRequiredService<ILogger<PostgresWorkQueues>>()));
        services.AddSingleton<ISharedWorkQueues>(sp => sp.GetRequiredService<PostgresWorkQueues>());
        services.AddSingleton(sp =>
        {
            var store = sp.GetRequiredService<PostgresWorkflowStore>();
            return new CaseWatcher.RemoteSaves(
                sp.GetRequiredService<IOptions<PostgreSqlCaseOptions>>().Value.WaitReadInterval, store.ReadRevisionsAsync, savedHere => store.SavedHere = savedHere);
        });
    }

    private static NpgsqlDataSource DataSource(IServiceProvider services, string role, int? maxPoolSize, bool keepsNoSessionState)
    {
        var builder = new NpgsqlDataSourceBuilder(services.GetRequiredService<IOptions<CaseOptions>>().Value.ConnectionString);
        if (string.IsNullOrEmpty(builder.ConnectionStringBuilder.ApplicationName))
        {
            // pg_stat_activity then says which node (and which of its pools) holds a connection.
            builder.ConnectionStringBuilder.ApplicationName = Truncate("onevisit " + services.GetRequiredService<PostgresNode>().Name + role, 63);
        }

        // The library sends the same few dozen statements all day: prepared after their second use, the server parses
        // and plans each once per connection instead of on every call (a third of its CPU per case, measured in
        // benchmarks/results). A connection string that sets it wins, e.g. 0 behind a transaction-pooling PgBouncer
        // older than 1.21, which cannot carry prepared statements (docs/scale-out.md).
        if (!Mentions(builder.ConnectionStringBuilder.ConnectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        // Npgsql resets a connection's session (RESET ALL, CLOSE ALL, UNLISTEN *, advisory unlock all, DISCARD …) each
        // time it goes back to the pool, i.e. after every transaction here: parsed and run by the server every time,
        // for nothing, since the main pool's statements leave no session state behind (transaction-scoped locks only,
        // no SET, no LISTEN, no temporary tables). An open transaction is still rolled back on return. The control
        // pool keeps the reset: its LISTEN connection must not be handed on still listening.
        if (keepsNoSessionState && !Mentions(builder.ConnectionStringBuilder.ConnectionString, "No Reset On Close", "NoResetOnClose"))
        {
            builder.ConnectionStringBuilder.NoResetOnClose = true;
        }

        if (maxPoolSize is { } size)
        {
            builder.ConnectionStringBuilder.MaxPoolSize = size;
            builder.ConnectionStringBuilder.MinPoolSize = 0;
        }

        return builder.Build();
    }

    private static bool Mentions(string connectionString, params string[] keywords)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return keywords.Any(given.ContainsKey);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
