using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OneVisit.Workflows.Engine;
using OneVisit.Workflows.Hosting;
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
        services.AddSingleton(sp => PostgresNode.Start(sp.GetRequiredService<IOptions<PostgreSqlCaseOptions>>().Value.NodeName));
        services.AddSingleton(sp =>
        {
            var builder = new NpgsqlDataSourceBuilder(sp.GetRequiredService<IOptions<CaseOptions>>().Value.ConnectionString);
            if (string.IsNullOrEmpty(builder.ConnectionStringBuilder.ApplicationName))
            {
                // pg_stat_activity then says which node holds a connection.
                builder.ConnectionStringBuilder.ApplicationName = Truncate("onevisit " + sp.GetRequiredService<PostgresNode>().Name, 63);
            }

            return builder.Build();
        });
        services.AddSingleton(sp => new PostgresCaseStorage(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<AuditSeal>()));
        services.AddSingleton<ICaseStorage>(sp => sp.GetRequiredService<PostgresCaseStorage>());
        services.AddSingleton<IStoreErrorTranslator>(sp => sp.GetRequiredService<PostgresCaseStorage>());
        services.AddSingleton<ICaseStore>(sp => sp.GetRequiredService<PostgresCaseStorage>());
        services.AddSingleton<IAuditStore>(sp => sp.GetRequiredService<PostgresCaseStorage>());
        services.AddSingleton<ILedgerStore>(sp => sp.GetRequiredService<PostgresCaseStorage>());
        services.AddSingleton<ITimerStore>(sp => sp.GetRequiredService<PostgresCaseStorage>());
        services.AddSingleton<IProcedureVersionStore>(sp => sp.GetRequiredService<PostgresCaseStorage>());
        services.AddSingleton(sp => new PostgresWorkflowStore(
            sp.GetRequiredService<PostgresCaseStorage>(), CasePayloads.Create(), sp.GetRequiredService<ILogger<PostgresWorkflowStore>>()));
        services.AddSingleton<IEngineStore>(sp => sp.GetRequiredService<PostgresWorkflowStore>());
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
