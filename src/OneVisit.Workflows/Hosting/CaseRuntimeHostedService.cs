using Microsoft.Extensions.Hosting;

namespace OneVisit.Workflows.Hosting;

/// <summary>Runs <see cref="CaseRuntime"/> with a generic host.</summary>
internal sealed class CaseRuntimeHostedService(CaseRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runtime.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync(cancellationToken);
}
