using System.Buffers;
using System.Text.Json;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Engine.Persistence;

/// <summary>
/// The part of a <see cref="WorkflowInstance"/> that is never queried, as one compact JSON document
/// (the <c>document</c> column): <c>{"desc":..,"data":payload,"ptrs":[pointer,...]}</c>.
/// </summary>
/// <remarks>
/// Queried fields (id, definition, version, status, reference, next execution, create and complete time) are
/// columns and are not repeated here. Null, false, zero and empty values are omitted and read back as the
/// defaults WorkflowCore's constructors give them. Pointer properties use short names, listed in
/// <see cref="ExecutionPointerJson"/>. Times are UTC ticks.
/// </remarks>
internal sealed class WorkflowDocument(PayloadTypes payloads)
{
    private readonly ExecutionPointerJson _pointers = new(payloads);

    public byte[] Serialize(WorkflowInstance workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (workflow.Description is { } description)
            {
                writer.WriteString("desc", description);
            }

            if (workflow.Data is { } data)
            {
                writer.WritePropertyName("data");
                payloads.Write(writer, data);
            }

            if (workflow.ExecutionPointers is { Count: > 0 } pointers)
            {
                writer.WriteStartArray("ptrs");
                foreach (var pointer in pointers)
                {
                    _pointers.Write(writer, pointer);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Fills the document's fields into a workflow whose column fields are already set.</summary>
    public void Populate(WorkflowInstance workflow, byte[] document)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        using var json = JsonDocument.Parse(document);
        var pointers = new ExecutionPointerCollection();
        foreach (var property in json.RootElement.EnumerateObject())
        {
            switch (property.Name)
            {
                case "desc":
                    workflow.Description = property.Value.GetString();
                    break;
                case "data":
                    workflow.Data = payloads.Read(property.Value);
                    break;
                case "ptrs":
                    foreach (var item in property.Value.EnumerateArray())
                    {
                        pointers.Add(_pointers.Read(item));
                    }

                    break;
                default:
                    // Unknown properties come from a newer build; ignoring them keeps old readers working.
                    break;
            }
        }

        workflow.ExecutionPointers = pointers;
    }
}
