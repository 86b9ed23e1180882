using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneVisit.Workflows.Engine.Runtime;
using WorkflowCore.Interface;

namespace OneVisit.Workflows.Tests.Engine.Runtime;

/// <summary>A started WorkflowCore host over <see cref="SerializedMemoryStore"/>, tuned or with WorkflowCore's defaults.</summary>
internal sealed class TestWorkflowHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestWorkflowHost(ServiceProvider services)
    {
        _services = services;
        Host = services.GetRequiredService<IWorkflowHost>();
        Store = services.GetRequiredService<SerializedMemoryStore>();
    }

    public IWorkflowHost Host { get; }

    public SerializedMemoryStore Store { get; }

    public IServiceProvider Services => _services;

    /// <param name="tuning">OneVisit's runtime with these settings; null for WorkflowCore's defaults.</param>
    /// <param name="time">The business clock, for the tuned runtime.</param>
    /// <param name="defaultsPollInterval">The poll interval with WorkflowCore's defaults.</param>
    /// <param name="register">Registers the workflows under test.</param>
    public static async Task<TestWorkflowHost> StartAsync(
        RuntimeTuning? tuning,
        Action<IWorkflowHost> register,
        TimeProvider? time = null,
        TimeSpan? defaultsPollInterval = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(sp => new SerializedMemoryStore(sp.GetService<IWakeUpSink>()));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        if (tuning is not null)
        {
            services.AddOneVisitWorkflowEngine(tuning, options => options.UsePersistence(sp => sp.GetRequiredService<SerializedMemoryStore>()));
        }
        else
        {
            services.AddWorkflow(options =>
            {
                options.UsePersistence(sp => sp.GetRequiredService<SerializedMemoryStore>());
                if (defaultsPollInterval is { } poll)
                {
                    options.UsePollInterval(poll);
                }
            });
        }

        var provider = services.BuildServiceProvider();
        var host = new TestWorkflowHost(provider);
        register(host.Host);
        await host.Host.StartAsync(CancellationToken.None);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
