using OneVisit.Cli.Cases;
using OneVisit.Rules.WhatIf;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.History;

namespace OneVisit.Cli.Common;

/// <summary>
/// A population of past cases (<c>--population</c> naming a case store) for <c>onevisit whatif</c>: the store opened
/// read-only as <see cref="CaseStoreInput"/> opens it (a SQLite file, or a PostgreSQL connection string with every
/// session read-only), the cases submitted from <c>from</c> to <c>to</c> counted and hashed once, and the population
/// that reads them again for the run. Keep it until the run has read the population; disposing closes the store.
/// </summary>
/// <remarks>
/// The CLI reads as the store's operator (the host's processing), as <c>cases list</c> does: whoever holds the file or
/// the connection string can read all of it anyway, and a read-only store takes no audit line (docs/security.md).
/// </remarks>
internal sealed class CaseHistoryInput : IAsyncDisposable
{
    private readonly CaseStoreInput _store;

    private CaseHistoryInput(CaseStoreInput store, CaseHistoryPopulation population)
    {
        _store = store;
        Population = population;
    }

    /// <summary>The population: <see cref="PopulationSource.Read"/> pages through the store, which must stay open meanwhile.</summary>
    public CaseHistoryPopulation Population { get; }

    /// <summary>The catalogue the store was opened with, to read the population against.</summary>
    public Rules.Catalog.ProcedureCatalog Catalog => _store.Catalog;

    /// <summary>
    /// The population of the cases of <paramref name="store"/> submitted from <paramref name="from"/> to
    /// <paramref name="to"/> (inclusive, in the offices' zone: <paramref name="timeZone"/>, else the catalogue's), of
    /// <paramref name="codes"/> or every procedure and bundle; or null with the exit code after the problem was written
    /// to <paramref name="error"/> (no store, not a case store, reversed dates, an unreadable application).
    /// </summary>
    public static async Task<(CaseHistoryInput? Input, int ExitCode)> OpenAsync(
        string command, StoreTarget? store, string catalogue, DateOnly from, DateOnly to, IReadOnlyList<string>? codes, string? timeZone, Terminal error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (to < from)
        {
            error.WriteLine($"onevisit {command}: the population's last day ({to:yyyy-MM-dd}) is before its first ({from:yyyy-MM-dd}); give the first day, then the last.", ConsoleColour.Red);
            return (null, ExitCodes.Usage);
        }

        var (input, exitCode) = await CaseStoreInput.OpenAsync(command, store, catalogue, timeZone, error, cancellationToken).ConfigureAwait(false);
        if (input is null)
        {
            return (null, exitCode);
        }

        CaseHistoryPopulation? population = null;
        try
        {
            var query = new CaseHistoryQuery { From = from, To = to, Codes = codes, TimeZone = input.Zone, StoreName = input.Database };
            exitCode = await ReadOnlyStore.ReadAsync(command, input.Database, error, async () =>
            {
                population = await input.History.ReadAsync(query, cancellationToken).ConfigureAwait(false);
                return ExitCodes.Ok;
            }).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PopulationException or InvalidCaseInputException)
        {
            error.WriteLine($"onevisit {command}: {e.Message}", ConsoleColour.Red);
            exitCode = e is InvalidCaseInputException ? ExitCodes.Usage : ExitCodes.Errors;
        }

        if (population is null)
        {
            await input.DisposeAsync().ConfigureAwait(false);
            return (null, exitCode == ExitCodes.Ok ? ExitCodes.Errors : exitCode);
        }

        return (new CaseHistoryInput(input, population), ExitCodes.Ok);
    }

    public ValueTask DisposeAsync() => _store.DisposeAsync();
}
