namespace OneVisit.Workflows.Tests.Engine.Runtime;

/// <summary>
/// Tests that measure latency run on their own: on a two-core machine, sharing it with the
/// lock race test (which spins) stretched every join uniformly to about a second.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Runtime timing";
}
