using WorkflowCore.Exceptions;

namespace OneVisit.Workflows.Engine.Persistence;

/// <summary>
/// A stored payload this build cannot read back (an alias it does not know, or a malformed envelope).
/// Derives from WorkflowCore's own exception so code that handles corrupt persistence data catches it too;
/// WorkflowCore's type has no message, so this one carries it.
/// </summary>
internal sealed class CorruptPayloadException(string message) : CorruptPersistenceDataException
{
    public override string Message { get; } = message;
}
