using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Engine.Runtime;

/// <summary>Wires OneVisit's runtime (prompt queue, locks, clock and wake-ups) into WorkflowCore.</summary>
internal static class EngineTuning
{
    /// <summary>
    /// Registers WorkflowCore with OneVisit's runtime; <paramref name="configure"/> then adds the
    /// rest (the persistence store, for one).
    /// </summary>
    /// <remarks>
    /// <see cref="TimeProvider"/> is taken from the container, or the system clock if none is
    /// registered; tests register a fake one first.
    /// </remarks>
    public static IServiceCollection AddOneVisitWorkflowEngine(
        this IServiceCollection services,
        RuntimeTuning? tuning = null,
        Action<WorkflowOptions>? configure = null)
    {
        tuning ??= new RuntimeTuning();
        services.TryAddSingleton(TimeProvider.System);
        services.AddWorkflow(options =>
        {
            options.UseOneVisitRuntime(tuning);
            configure?.Invoke(options);
        });

        // Events are delivered by OneVisit's consumer: WorkflowCore's rules in fewer store calls, sized by the tuning
        // (WorkflowCore's runs max(cores, 2) events at once and has no setting for it). See EventDeliveryConsumer.
        var eventConsumer = services.Single(d => d.ServiceType == typeof(IBackgroundTask) && d.ImplementationType?.Name == "EventConsumer");
        services.Remove(eventConsumer);
        services.AddSingleton<IBackgroundTask>(sp => ActivatorUtilities.CreateInstance<EventDeliveryConsumer>(sp, tuning));

        // Each pass that leaves work due now continues before the save (see ContinuingExecutor).
        var executor = services.Last(d => d.ServiceType == typeof(IWorkflowExecutor));
        services.Remove(executor);
        services.Add(ServiceDescriptor.Describe(
            typeof(IWorkflowExecutor),
            sp => new ContinuingExecutor((IWorkflowExecutor)ActivatorUtilities.CreateInstance(sp, executor.ImplementationType!), sp.GetRequiredService<IDateTimeProvider>()),
            executor.Lifetime));

        // AddWorkflow registers its own IDateTimeProvider after running the options callback,
        // so the clock can only be replaced here, once it has returned.
        services.RemoveAll<IDateTimeProvider>();
        services.AddSingleton<IDateTimeProvider, TimeProviderClock>();
        return services;
    }

    /// <summary>
    /// Points <paramref name="options"/> at OneVisit's queue and lock providers and sets the
    /// poll interval and idle time from <paramref name="tuning"/>. Registers
    /// <see cref="IWakeUpSink"/> for the store. Does not replace the clock (see
    /// <see cref="AddOneVisitWorkflowEngine"/>).
    /// </summary>
    public static WorkflowOptions UseOneVisitRuntime(this WorkflowOptions options, RuntimeTuning tuning)
    {
        var services = options.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LockTable>();

        // The queue's bounce delay is wall-clock scheduling, so it never uses the injected
        // (possibly fake) business clock.
        services.AddSingleton(sp => new PromptQueueProvider(
            sp.GetRequiredService<LockTable>(),
            TimeProvider.System,
            tuning.BounceDelay,
            sp.GetRequiredService<ILogger<PromptQueueProvider>>(),
            sp.GetService<ISharedWorkQueues>()));
        services.AddSingleton(sp => new PromptLockProvider(
            sp.GetRequiredService<LockTable>(),
            sp.GetRequiredService<PromptQueueProvider>(),
            sp.GetRequiredService<ILogger<PromptLockProvider>>(),
            sp.GetService<IClusterLocks>(),
            tuning));
        services.AddSingleton<WakeUpScheduler>();
        services.AddSingleton<IWakeUpSink>(sp => sp.GetRequiredService<WakeUpScheduler>());

        // WorkflowCore registers IQueueProvider and IDistributedLockProvider as singletons from
        // these factories; they resolve to the same instances the lock table is shared between.
        options.UseQueueProvider(sp => sp.GetRequiredService<PromptQueueProvider>());
        options.UseDistributedLockManager(sp => sp.GetRequiredService<PromptLockProvider>());
        options.UsePollInterval(tuning.PollInterval);

        // Nothing reads WorkflowCore's search index or lifecycle events. Left on, every save queues the instance
        // for an index consumer that reads it back from the store, and every step publishes events to a hub
        // nobody listens to: measured, about an eighth of a case's CPU.
        options.EnableIndexes = false;
        options.EnableLifeCycleEventsPublisher = false;
        options.UseIdleTime(tuning.IdleTime);
        if (tuning.MaxConcurrentWorkflows is { } max)
        {
            options.UseMaxConcurrentWorkflows(max);
        }

        return options;
    }
}
