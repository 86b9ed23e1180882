using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using OneVisit.Workflows.Hosting;
using OneVisit.Workflows.PostgreSql.Hosting;

namespace OneVisit.Workflows.PostgreSql;

/// <summary>Chooses PostgreSQL as the case store: <c>AddWorkflows(w =&gt; w.UsePostgreSql(connectionString))</c>.</summary>
public static class PostgreSqlWorkflowsExtensions
{
    /// <summary>
    /// Stores cases in the PostgreSQL database <paramref name="connectionString"/> names, which several nodes (hosts
    /// running this runtime) may share: each case runs on one node at a time, work queued on one node may run on any,
    /// timers fire once across them, and the others take over a node that dies (see <see cref="PostgreSqlCaseOptions"/>
    /// and docs/scale-out.md). The tables are created and upgraded on start, once even when several nodes start
    /// together. PostgreSQL 13 or newer.
    /// </summary>
    /// <param name="builder">The case runtime's settings.</param>
    /// <param name="connectionString">An Npgsql connection string, e.g. <c>Host=db;Database=onevisit;Username=onevisit;Password=…</c>.</param>
    /// <param name="configure">Changes the cluster settings (lock lease, heartbeat, queue polling, node name).</param>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is not an Npgsql connection string.</exception>
    public static WorkflowsBuilder UsePostgreSql(this WorkflowsBuilder builder, string connectionString, Action<PostgreSqlCaseOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        PostgresConnectionString.Check(connectionString);
        builder.UseStorage(PostgresRegistration.Storage, connectionString);
        var options = builder.Services.AddOptions<PostgreSqlCaseOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlCaseOptions>, PostgreSqlCaseOptionsValidator>());
        options.ValidateOnStart();
        return builder;
    }
}
