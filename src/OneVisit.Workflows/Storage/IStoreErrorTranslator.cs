using OneVisit.Workflows.Cases;

namespace OneVisit.Workflows.Storage;

/// <summary>Says what one store's own failures mean to a caller: a <see cref="CaseStoreException"/>, or null when the exception is not its own.</summary>
internal interface IStoreErrorTranslator
{
    CaseStoreException? Translate(Exception exception);
}
