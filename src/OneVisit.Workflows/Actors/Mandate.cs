using OneVisit.Workflows.Cases;

namespace OneVisit.Workflows.Actors;

/// <summary>
/// A mandate (委托书): the principal it is given by, the procedures it covers, and the time it is valid. The host
/// checks the mandate's signature or registry entry before handing it to OneVisit; OneVisit checks, on every call,
/// that the case is the principal's, of a covered procedure, and that the mandate is in force.
/// </summary>
public sealed record Mandate
{
    /// <summary>Creates the mandate.</summary>
    /// <param name="principalId">Whom the agent acts for (their subject id).</param>
    /// <param name="validUntil">The end of the mandate; calls after it are denied.</param>
    /// <param name="procedureCodes">The procedures (and bundles) it covers; none for every procedure.</param>
    /// <param name="validFrom">Its start; calls before it are denied. Null when it is in force from the start.</param>
    /// <exception cref="InvalidCaseInputException">An id is empty, too long or could forge a line, or the period is empty.</exception>
    public Mandate(string principalId, DateTimeOffset validUntil, IEnumerable<string>? procedureCodes = null, DateTimeOffset? validFrom = null)
    {
        CaseInputs.Identifier(principalId, nameof(principalId));
        var codes = procedureCodes?.ToArray() ?? [];
        for (var i = 0; i < codes.Length; i++)
        {
            CaseInputs.Identifier(codes[i], $"{nameof(procedureCodes)}[{i}]");
        }

        if (validFrom is { } from && from >= validUntil)
        {
            throw new InvalidCaseInputException("", nameof(validUntil), $"The mandate for {principalId} ends ({validUntil:u}) before it starts ({from:u}).");
        }

        PrincipalId = principalId;
        ValidUntil = validUntil;
        ValidFrom = validFrom;
        ProcedureCodes = codes;
    }

    /// <summary>Whom the agent acts for.</summary>
    public string PrincipalId { get; }

    /// <summary>The procedures and bundles covered; empty for all.</summary>
    public IReadOnlyList<string> ProcedureCodes { get; }

    /// <summary>When the mandate starts, if not at once.</summary>
    public DateTimeOffset? ValidFrom { get; }

    /// <summary>When the mandate ends.</summary>
    public DateTimeOffset ValidUntil { get; }

    /// <summary>Whether the mandate lets its holder act at <paramref name="at"/> on a case of <paramref name="procedureCode"/>.</summary>
    public bool Covers(string procedureCode, DateTimeOffset at) =>
        (ValidFrom is not { } from || at >= from) && at <= ValidUntil
        && (ProcedureCodes.Count == 0 || ProcedureCodes.Contains(procedureCode, StringComparer.Ordinal));
}
