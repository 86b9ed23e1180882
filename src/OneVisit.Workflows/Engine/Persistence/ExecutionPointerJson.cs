using System.Text.Json;
using WorkflowCore.Models;
using OneVisit.Workflows.Persistence.Sqlite;

namespace OneVisit.Workflows.Engine.Persistence;

/// <summary>
/// One <see cref="ExecutionPointer"/> inside the workflow document. Short property names (a workflow carries
/// many pointers, each written on every persist):
/// <c>id</c> Id, <c>step</c> StepId, <c>act</c> Active, <c>sleep</c> SleepUntil, <c>pd</c> PersistenceData,
/// <c>start</c> StartTime, <c>end</c> EndTime, <c>evn</c> EventName, <c>evk</c> EventKey, <c>evp</c> EventPublished,
/// <c>evd</c> EventData, <c>ext</c> ExtensionAttributes, <c>name</c> StepName, <c>retry</c> RetryCount,
/// <c>kids</c> Children, <c>item</c> ContextItem, <c>pred</c> PredecessorId, <c>out</c> Outcome, <c>st</c> Status,
/// <c>scope</c> Scope. Payload slots hold <c>{"t":alias,"v":value}</c>; times are UTC ticks.
/// </summary>
internal sealed class ExecutionPointerJson(PayloadTypes payloads)
{
    public void Write(Utf8JsonWriter writer, ExecutionPointer pointer)
    {
        writer.WriteStartObject();
        if (pointer.Id is { } id)
        {
            writer.WriteString("id", id);
        }

        WriteNumber(writer, "step", pointer.StepId);
        if (pointer.Active)
        {
            writer.WriteBoolean("act", true);
        }

        WriteTime(writer, "sleep", pointer.SleepUntil);
        WritePayload(writer, "pd", pointer.PersistenceData);
        WriteTime(writer, "start", pointer.StartTime);
        WriteTime(writer, "end", pointer.EndTime);
        WriteString(writer, "evn", pointer.EventName);
        WriteString(writer, "evk", pointer.EventKey);
        if (pointer.EventPublished)
        {
            writer.WriteBoolean("evp", true);
        }

        WritePayload(writer, "evd", pointer.EventData);
        if (pointer.ExtensionAttributes is { Count: > 0 } attributes)
        {
            writer.WriteStartObject("ext");
            foreach (var (key, value) in attributes)
            {
                writer.WritePropertyName(key);
                payloads.Write(writer, value);
            }

            writer.WriteEndObject();
        }

        WriteString(writer, "name", pointer.StepName);
        WriteNumber(writer, "retry", pointer.RetryCount);
        WriteStrings(writer, "kids", pointer.Children);
        WritePayload(writer, "item", pointer.ContextItem);
        WriteString(writer, "pred", pointer.PredecessorId);
        WritePayload(writer, "out", pointer.Outcome);
        WriteNumber(writer, "st", (int)pointer.Status);
        WriteStrings(writer, "scope", pointer.Scope);
        writer.WriteEndObject();
    }

    public ExecutionPointer Read(JsonElement element)
    {
        var pointer = new ExecutionPointer();
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "id": pointer.Id = value.GetString(); break;
                case "step": pointer.StepId = value.GetInt32(); break;
                case "act": pointer.Active = value.GetBoolean(); break;
                case "sleep": pointer.SleepUntil = UtcTicks.ToDateTime(value.GetInt64()); break;
                case "pd": pointer.PersistenceData = payloads.Read(value); break;
                case "start": pointer.StartTime = UtcTicks.ToDateTime(value.GetInt64()); break;
                case "end": pointer.EndTime = UtcTicks.ToDateTime(value.GetInt64()); break;
                case "evn": pointer.EventName = value.GetString(); break;
                case "evk": pointer.EventKey = value.GetString(); break;
                case "evp": pointer.EventPublished = value.GetBoolean(); break;
                case "evd": pointer.EventData = payloads.Read(value); break;
                case "ext": pointer.ExtensionAttributes = ReadAttributes(value); break;
                case "name": pointer.StepName = value.GetString(); break;
                case "retry": pointer.RetryCount = value.GetInt32(); break;
                case "kids": pointer.Children = ReadStrings(value); break;
                case "item": pointer.ContextItem = payloads.Read(value); break;
                case "pred": pointer.PredecessorId = value.GetString(); break;
                case "out": pointer.Outcome = payloads.Read(value); break;
                case "st": pointer.Status = (PointerStatus)value.GetInt32(); break;
                // Scope must be set before the pointer is added to its collection, which indexes it by scope.
                case "scope": pointer.Scope = ReadStrings(value); break;
                default: break; // written by a newer build
            }
        }

        return pointer;
    }

    private Dictionary<string, object> ReadAttributes(JsonElement element)
    {
        var attributes = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            // WorkflowCore declares the values non-null but does not prevent null; keep what was written.
            attributes[property.Name] = payloads.Read(property.Value)!;
        }

        return attributes;
    }

    private static List<string> ReadStrings(JsonElement element)
    {
        var list = new List<string>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            list.Add(item.GetString()!);
        }

        return list;
    }

    private void WritePayload(Utf8JsonWriter writer, string name, object? value)
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            payloads.Write(writer, value);
        }
    }

    private static void WriteString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, int value)
    {
        if (value != 0)
        {
            writer.WriteNumber(name, value);
        }
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTime? value)
    {
        if (value is { } time)
        {
            writer.WriteNumber(name, UtcTicks.From(time));
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyCollection<string>? values)
    {
        if (values is { Count: > 0 })
        {
            writer.WriteStartArray(name);
            foreach (var value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }
    }
}
