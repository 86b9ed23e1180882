using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Storage;
using WorkflowCore.Exceptions;

namespace OneVisit.Workflows.Engine;

/// <summary>The engine's store failures that mean something to a caller: a document it cannot read back.</summary>
internal sealed class EngineErrors : IStoreErrorTranslator
{
    public CaseStoreException? Translate(Exception exception) =>
        exception is CorruptPersistenceDataException corrupt ? CaseStoreErrors.Unreadable(corrupt) : null;
}
