using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.WhatIf;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.History.Internal;

/// <summary>What a first pass over the store found: situations, cases left out, and the situations' hash.</summary>
internal sealed record HistoryCount(long Situations, long Purged, long WithoutApplication, string Hash);

/// <summary>
/// Pages through the cases a filter selects (<see cref="ICaseStore.HistoryAsync"/>) and turns each stored application
/// into a situation. The hash covers, per situation and in order, one line of canonical JSON: the code, then the facts
/// and documents as the application is stored (sorted by path, and by document and party).
/// </summary>
internal sealed class HistoryReader(ICaseStore store, CaseStoreErrors errors, HistoryFilter filter, int pageSize)
{
    /// <summary>The first pass: counts and hash, with every stored application parsed once.</summary>
    public async Task<HistoryCount> CountAsync(CancellationToken cancellationToken)
    {
        long situations = 0, purged = 0, without = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        (DateTimeOffset, string)? after = null;
        while (await PageAsync(after, cancellationToken).ConfigureAwait(false) is { Count: > 0 } page)
        {
            foreach (var row in page)
            {
                if (row.PurgedAt is not null)
                {
                    purged++;
                }
                else if (row.Application is null)
                {
                    without++;
                }
                else
                {
                    situations++;
                    hash.AppendData(CanonicalLine(row, Parse(row)));
                }
            }

            after = (page[^1].SubmittedAt, page[^1].CaseId);
        }

        return new HistoryCount(situations, purged, without, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>The second pass, as the run reads it: each situation checked against the catalogue's facts; the store must not have changed.</summary>
    public IEnumerable<Situation> Read(ProcedureCatalog catalog, string expectedHash)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        (DateTimeOffset, string)? after = null;
        // A PopulationSource is read synchronously; each page is one awaited query whose awaits never need this thread back.
        while (PageAsync(after, CancellationToken.None).GetAwaiter().GetResult() is { Count: > 0 } page)
        {
            foreach (var row in page.Where(r => r.PurgedAt is null && r.Application is not null))
            {
                var application = Parse(row);
                hash.AppendData(CanonicalLine(row, application));
                yield return Situation(row, application, catalog);
            }

            after = (page[^1].SubmittedAt, page[^1].CaseId);
        }

        if (Convert.ToHexStringLower(hash.GetHashAndReset()) != expectedHash)
        {
            throw new PopulationException(
                "The case store changed while the population was read (cases were submitted or purged in the range since it was counted), "
                + "so the run's record would not describe what it read. Read the population again, or choose dates that are over.");
        }
    }

    private Task<List<CaseRow>> PageAsync((DateTimeOffset, string)? after, CancellationToken cancellationToken) =>
        errors.GuardAsync(() => store.HistoryAsync(filter, after, pageSize, cancellationToken));

    private static CaseApplication Parse(CaseRow row)
    {
        try
        {
            return CaseApplication.Read(row.Application!);
        }
        catch (Exception e) when (e is JsonException or FormatException or NotSupportedException)
        {
            throw new PopulationException($"{Where(row)}: its stored application cannot be read ({e.GetType().Name}); the store was damaged or written by a newer OneVisit.", e);
        }
    }

    private static byte[] CanonicalLine(CaseRow row, CaseApplication application) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(row.ProcedureCode, CaseJson.Default.String) + JsonSerializer.Serialize(application, CaseJson.Default.CaseApplication) + "\n");

    private static Situation Situation(CaseRow row, CaseApplication application, ProcedureCatalog catalog)
    {
        var facts = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var fact in application.Facts)
        {
            object value;
            try
            {
                value = fact.Typed();
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                throw new PopulationException($"{Where(row)}: its stored fact '{fact.Path}' cannot be read ({e.Message})", e);
            }

            facts[fact.Path] = Checked(row, fact.Path, value, catalog.Facts);
        }

        return new Situation { Code = row.ProcedureCode, Facts = facts, Documents = application.HeldDocuments(), Weight = 1 };
    }

    private static object Checked(CaseRow row, string path, object value, FactSchema schema)
    {
        if (schema.Find(path) is not { } symbol)
        {
            throw new PopulationException(
                $"{Where(row)} has the fact '{path}', which this catalogue's fact schema does not declare (renamed or removed since). "
                + "Read the population with the catalogue those cases were submitted under, or choose dates after the change.");
        }

        var fits = symbol.Type.Kind switch
        {
            FactKind.Bool => value is bool,
            FactKind.Number or FactKind.Money => value is int or long or decimal,
            FactKind.Date => value is DateOnly,
            FactKind.Enum => value is string s && symbol.Type.Allows(s),
            _ => false,
        };
        return fits
            ? value
            : throw new PopulationException(
                $"{Where(row)} has the fact '{path}' as a {value.GetType().Name}{(value is string ? " not among its values" : "")}, "
                + $"but this catalogue declares it {symbol.Type}. Read the population with the catalogue those cases were submitted under, or choose dates after the change.");
    }

    /// <summary>Where a case is, for messages: its code and day of submission, never its id or applicant.</summary>
    private static string Where(CaseRow row) =>
        $"A case of {row.ProcedureCode} submitted {row.SubmittedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (UTC)";
}
