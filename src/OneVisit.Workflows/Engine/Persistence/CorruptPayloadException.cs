using System.Text.Json;
using WorkflowCore.Exceptions;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Engine.Persistence;

/// <summary>
/// A stored payload this build cannot read back (an alias it does not know, or a malformed envelope).
/// Derives from WorkflowCore's own exception so code that handles corrupt persistence data catches it too;
/// WorkflowCore's type has no message, so this one carries it.
/// </summary>
/// <remarks>
/// Its message names the case and the problem, never the stored text: a case document holds national ids, names
/// and fact values, and messages end up in logs and terminals.
/// </remarks>
internal sealed class CorruptPayloadException(string message) : CorruptPersistenceDataException
{
    public override string Message { get; } = message;

    /// <summary>
    /// The document of <paramref name="workflow"/> could not be read. The cause is described, not kept: the
    /// serializer's own exceptions may quote the document.
    /// </summary>
    public static CorruptPayloadException OfDocument(WorkflowInstance workflow, Exception cause) => new(
        $"The stored document of case '{workflow.Reference ?? "(none)"}' (workflow {workflow.Id}) cannot be read: {Problem(cause)}.");

    private static string Problem(Exception cause) => cause switch
    {
        CorruptPayloadException corrupt => corrupt.Message,
        JsonException json => $"it is not JSON this version of OneVisit reads, at {json.Path ?? "$"} (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1})",
        _ => $"a value has the wrong kind ({cause.GetType().Name})",
    };
}
