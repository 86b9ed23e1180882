using System.Text.Json;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Tests.Engine.Persistence;

/// <summary>Field-by-field comparison of what went into the store and what came out.</summary>
internal static class WorkflowAssert
{
    public static void Equal(WorkflowInstance expected, WorkflowInstance? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.WorkflowDefinitionId, actual.WorkflowDefinitionId);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Description, actual.Description);
        Assert.Equal(expected.Reference, actual.Reference);
        Assert.Equal(expected.NextExecution, actual.NextExecution);
        Assert.Equal(expected.Status, actual.Status);
        Time(expected.CreateTime, actual.CreateTime);
        Time(expected.CompleteTime, actual.CompleteTime);
        Payload(expected.Data, actual.Data);
        Assert.Equal(expected.ExecutionPointers.Count, actual.ExecutionPointers.Count);
        foreach (var pointer in expected.ExecutionPointers)
        {
            Pointer(pointer, actual.ExecutionPointers.FindById(pointer.Id));
        }
    }

    public static void Pointer(ExecutionPointer expected, ExecutionPointer? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.StepId, actual.StepId);
        Assert.Equal(expected.Active, actual.Active);
        Time(expected.SleepUntil, actual.SleepUntil);
        Payload(expected.PersistenceData, actual.PersistenceData);
        Time(expected.StartTime, actual.StartTime);
        Time(expected.EndTime, actual.EndTime);
        Assert.Equal(expected.EventName, actual.EventName);
        Assert.Equal(expected.EventKey, actual.EventKey);
        Assert.Equal(expected.EventPublished, actual.EventPublished);
        Payload(expected.EventData, actual.EventData);
        Assert.Equal(expected.ExtensionAttributes.Keys.Order(), actual.ExtensionAttributes.Keys.Order());
        foreach (var (key, value) in expected.ExtensionAttributes)
        {
            Payload(value, actual.ExtensionAttributes[key]);
        }

        Assert.Equal(expected.StepName, actual.StepName);
        Assert.Equal(expected.RetryCount, actual.RetryCount);
        Assert.Equal(expected.Children, actual.Children);
        Payload(expected.ContextItem, actual.ContextItem);
        Assert.Equal(expected.PredecessorId, actual.PredecessorId);
        Payload(expected.Outcome, actual.Outcome);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Scope, actual.Scope);
    }

    /// <summary>Same CLR type and same JSON: WorkflowCore's own payload classes have no Equals.</summary>
    public static void Payload(object? expected, object? actual)
    {
        Assert.Equal(expected?.GetType(), actual?.GetType());
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
    }

    public static void Time(DateTime? expected, DateTime? actual)
    {
        Assert.Equal(expected?.ToUniversalTime(), actual);
        if (actual is { } value)
        {
            Assert.Equal(DateTimeKind.Utc, value.Kind);
        }
    }
}
