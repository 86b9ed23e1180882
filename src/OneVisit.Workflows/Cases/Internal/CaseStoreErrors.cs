using System.Text.Json;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Cases.Internal;

/// <summary>
/// Turns failures of the storage underneath into <see cref="CaseStoreException"/>, saying whether a retry may
/// help. Each storage implementation (and the engine's store) says what its own exceptions mean through an
/// <see cref="IStoreErrorTranslator"/>; the failures common to any store are handled here.
/// </summary>
internal sealed class CaseStoreErrors(IEnumerable<IStoreErrorTranslator> translators)
{
    private readonly IStoreErrorTranslator[] _translators = [.. translators];

    /// <summary>
    /// Runs <paramref name="call"/>, letting storage failures leave as <see cref="CaseStoreException"/>, never as the
    /// store's own exception types; the errors a caller causes are already <see cref="CaseException"/>s.
    /// </summary>
    public async Task<T> GuardAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex) is { } translated)
        {
            throw translated;
        }
    }

    public CaseStoreException? Translate(Exception exception)
    {
        if (exception is CaseStoreException)
        {
            return null;
        }

        foreach (var translator in _translators)
        {
            if (translator.Translate(exception) is { } translated)
            {
                return translated;
            }
        }

        return exception switch
        {
            ObjectDisposedException disposed => new CaseStoreException("The case runtime is stopped; start it (CaseRuntime.StartAsync or the host) before calling the case service.", mayRetry: false, disposed),
            JsonException json => Unreadable(json),
            _ => null,
        };
    }

    /// <summary>
    /// A stored document this build cannot read back. The engine's store says which case and what is wrong, never
    /// quoting the document (<c>CorruptPayloadException</c>); a bare <see cref="JsonException"/> may quote it, so
    /// only where it failed is kept, not the exception itself.
    /// </summary>
    public static CaseStoreException Unreadable(Exception exception)
    {
        const string Advice = "It was changed outside OneVisit, or written by a newer version; restore the store from a backup.";
        return exception is JsonException json
            ? new($"A stored case document cannot be read (at {json.Path ?? "$"}). {Advice}", mayRetry: false, innerException: null)
            : new($"{exception.Message} {Advice}", mayRetry: false, exception);
    }
}
