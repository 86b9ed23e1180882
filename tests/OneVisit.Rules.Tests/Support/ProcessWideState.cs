namespace OneVisit.Rules.Tests.Support;

/// <summary>Tests that touch process-wide state (current directory, Console.Out) run in this collection, alone.</summary>
[CollectionDefinition(nameof(ProcessWideState), DisableParallelization = true)]
public sealed class ProcessWideState;
