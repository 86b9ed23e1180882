using System.Globalization;
using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Actors.Internal;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.History.Internal;

/// <summary>
/// <see cref="ICaseHistory"/> on the storage port: authorizes the reader, counts and hashes the cases in one pass,
/// writes the read's one audit line (an analyst's; the host's processing is not tracked, as for case reads), and
/// returns the population that reads them again for the run.
/// </summary>
internal sealed class CaseHistory(ICaseStore store, IAuditStore audit, CaseStoreErrors errors, CaseGate gate, TimeProvider time) : ICaseHistory
{
    /// <summary>Cases per query; a population of a million cases never sits in memory.</summary>
    internal const int PageSize = 500;

    /// <summary>The purpose recorded when the actor gives none.</summary>
    public const string DefaultPurpose = "what-if population";

    private CaseActor? Fixed { get; init; }

    public ICaseHistory As(CaseActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new CaseHistory(store, audit, errors, gate, time) { Fixed = actor };
    }

    public async Task<CaseHistoryPopulation> ReadAsync(CaseHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var actor = gate.Actor(Fixed, CaseOperation.ReadPopulation);
        Check(query);
        if (CaseAccess.PopulationReader(actor) is { } needed)
        {
            throw await gate.DeniedAsync(new AccessDeniedException("", CaseOperation.ReadPopulation, actor, needed), actor, "").ConfigureAwait(false);
        }

        IReadOnlyCollection<string>? authorities = actor.Kind == CaseActorKind.System
            ? null
            : [.. actor.Posts.Where(p => p.Role == OfficerRole.Analyst).Select(p => p.AuthorityId).Distinct(StringComparer.Ordinal)];
        var zone = query.TimeZone ?? TimeZoneInfo.Utc;
        var filter = new HistoryFilter(StartOf(query.From, zone), StartOf(query.To.AddDays(1), zone), query.Codes is { Count: > 0 } codes ? codes : null, authorities);
        var reader = new HistoryReader(store, errors, filter, PageSize);
        var count = await reader.CountAsync(cancellationToken).ConfigureAwait(false);
        var scope = Scope(query, authorities);
        if (actor.Kind != CaseActorKind.System)
        {
            var now = time.GetUtcNow();
            await errors.GuardAsync(async () =>
            {
                await audit.AppendAuditAsync(
                    $"{CaseGate.NoCase}:population:{now.UtcTicks}:{Guid.NewGuid():N}",
                    new AuditEntry(0, CaseGate.NoCase, "", now, actor.AuditName, AuditActions.PopulationRead,
                        $"{actor.AuditName} read {Number(count.Situations)} applications, identities dropped: {scope}; {Number(count.Purged)} purged and {Number(count.WithoutApplication)} without a stored application left out; SHA-256 {count.Hash}",
                        "past applications, identities dropped", actor.Purpose ?? DefaultPurpose),
                    cancellationToken).ConfigureAwait(false);
                return true;
            }).ConfigureAwait(false);
        }

        return new CaseHistoryPopulation(reader, count, Describe(query, scope, count));
    }

    private static void Check(CaseHistoryQuery query)
    {
        if (query.To < query.From)
        {
            throw new InvalidCaseInputException("", "query.To", $"query.To ({Day(query.To)}) is before query.From ({Day(query.From)}): give the first and the last day of submission, in that order.");
        }

        foreach (var code in query.Codes ?? [])
        {
            CaseInputs.Identifier(code, "query.Codes");
        }
    }

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>The filter in words: dates, codes and, for an analyst, the authorities.</summary>
    private static string Scope(CaseHistoryQuery query, IReadOnlyCollection<string>? authorities)
    {
        var zone = query.TimeZone is null || query.TimeZone == TimeZoneInfo.Utc ? "UTC" : query.TimeZone.Id;
        var codes = query.Codes is { Count: > 0 } c ? string.Join(", ", c) : "every procedure and bundle";
        var where = authorities is null ? "" : $", cases of {(authorities.Count == 0 ? "no authority" : string.Join(", ", authorities))}";
        return $"submitted {Day(query.From)}..{Day(query.To)} ({zone}), {codes}{where}, open and closed";
    }

    private static string Describe(CaseHistoryQuery query, string scope, HistoryCount count)
    {
        var left = new List<string>();
        if (count.Purged > 0)
        {
            left.Add($"{Number(count.Purged)} purged left out");
        }

        if (count.WithoutApplication > 0)
        {
            left.Add($"{Number(count.WithoutApplication)} recorded before applications were kept left out");
        }

        var leftOut = left.Count > 0 ? ", " + string.Join(", ", left) : "";
        return $"{Number(count.Situations)} cases {scope}{leftOut}, from {query.StoreName ?? "the case store"}";
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
