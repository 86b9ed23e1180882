using OneVisit.Workflows.Cases;

namespace OneVisit.Workflows.Actors;

/// <summary>
/// Who acts on a case: an applicant, an agent under a mandate, an officer with their posts, a department's system, or
/// the host's own processing. The host authenticates and makes the actor (from its sign-in, see
/// <see cref="CaseActorClaims"/>); OneVisit authorizes every call against it and records it in the audit log. An actor
/// is never read from a request's body: the case services take it from <see cref="ICaseActorAccessor"/> or from
/// <c>As(actor)</c>.
/// </summary>
public sealed class CaseActor
{
    private CaseActor(CaseActorKind kind, string id, IReadOnlyList<OfficerPost> posts, Mandate? mandate, string? purpose)
    {
        Kind = kind;
        Id = id;
        Posts = posts;
        Mandate = mandate;
        Purpose = purpose;
    }

    /// <summary>The host's own processing: reads every case, records visits and pickups; never submits, supplies, answers or decides.</summary>
    public static CaseActor System { get; } = new(CaseActorKind.System, "system", [], null, null);

    /// <summary>What kind of actor this is.</summary>
    public CaseActorKind Kind { get; }

    /// <summary>The applicant's subject id, the agent's own id, the officer's id, the department's id, or <c>system</c>.</summary>
    public string Id { get; }

    /// <summary>An officer's posts; empty for every other kind.</summary>
    public IReadOnlyList<OfficerPost> Posts { get; }

    /// <summary>An agent's mandate; null for every other kind.</summary>
    public Mandate? Mandate { get; }

    /// <summary>Why the actor reads (shown to the subject by the data tracker), when the host knows better than the operation's name.</summary>
    public string? Purpose { get; }

    /// <summary>The subject acting for themselves.</summary>
    /// <exception cref="InvalidCaseInputException">The id is empty, too long or could forge a line.</exception>
    public static CaseActor Applicant(string subjectId) => new(CaseActorKind.Applicant, Checked(subjectId, nameof(subjectId)), [], null, null);

    /// <summary>Someone acting for <see cref="Mandate.PrincipalId"/> under <paramref name="mandate"/>.</summary>
    /// <exception cref="InvalidCaseInputException">The id is empty, too long or could forge a line.</exception>
    public static CaseActor Agent(string agentId, Mandate mandate)
    {
        ArgumentNullException.ThrowIfNull(mandate);
        return new(CaseActorKind.Agent, Checked(agentId, nameof(agentId)), [], mandate, null);
    }

    /// <summary>An officer holding <paramref name="posts"/> (at least one).</summary>
    /// <exception cref="InvalidCaseInputException">The id is empty, too long or could forge a line, or no post is given.</exception>
    public static CaseActor Officer(string officerId, params IEnumerable<OfficerPost> posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var held = posts.ToArray();
        if (held.Length == 0 || held.Any(p => p is null))
        {
            throw new InvalidCaseInputException("", nameof(posts), $"Officer {Checked(officerId, nameof(officerId))} holds no post: give at least one (an authority and a role), as the host's identity system grants it.");
        }

        return new(CaseActorKind.Officer, Checked(officerId, nameof(officerId)), held, null, null);
    }

    /// <summary>A department's system, by the department id its evidence requests are addressed to.</summary>
    /// <exception cref="InvalidCaseInputException">The id is empty, too long or could forge a line.</exception>
    public static CaseActor Department(string departmentId) => new(CaseActorKind.Department, Checked(departmentId, nameof(departmentId)), [], null, null);

    /// <summary>The same actor, reading for <paramref name="purpose"/> (a case number, a complaint, an inspection): the data tracker shows it to the subject.</summary>
    /// <exception cref="InvalidCaseInputException">The purpose is too long or could forge a line.</exception>
    public CaseActor For(string purpose)
    {
        if (string.IsNullOrWhiteSpace(purpose))
        {
            throw new InvalidCaseInputException("", nameof(purpose), "A purpose says why the data is read; it cannot be empty.");
        }

        CaseInputs.Text(purpose, nameof(purpose), "");
        return new(Kind, Id, Posts, Mandate, purpose.Trim());
    }

    /// <summary>Whose own cases the actor acts on: the applicant's subject id, or an agent's principal; null for officers, departments and the system.</summary>
    internal string? ActsFor => Kind switch
    {
        CaseActorKind.Applicant => Id,
        CaseActorKind.Agent => Mandate!.PrincipalId,
        _ => null,
    };

    /// <summary>Whether the officer holds <paramref name="role"/> at <paramref name="authorityId"/>.</summary>
    public bool Holds(string authorityId, OfficerRole role) => Posts.Any(p => p.Role == role && p.AuthorityId == authorityId);

    /// <summary>Whether the officer holds any post at <paramref name="authorityId"/>.</summary>
    public bool HoldsAny(string authorityId) => Posts.Any(p => p.AuthorityId == authorityId);

    /// <summary>
    /// Whether the officer holds a post at <paramref name="authorityId"/> that reads its cases: any but an analyst's, who
    /// reads applications only as populations, identities dropped.
    /// </summary>
    internal bool ReadsCasesAt(string authorityId) => Posts.Any(p => p.Role != OfficerRole.Analyst && p.AuthorityId == authorityId);

    /// <summary>How the audit log names the actor: <c>applicant:…</c>, <c>agent:… for …</c>, <c>officer:…</c>, <c>department:…</c> or <c>system</c>.</summary>
    public string AuditName => Kind switch
    {
        CaseActorKind.System => "system",
        CaseActorKind.Agent => $"agent:{Id} for {Mandate!.PrincipalId}",
        _ => $"{Kind.ToString().ToLowerInvariant()}:{Id}",
    };

    /// <summary>
    /// How log messages name the actor: the kind alone for an applicant or an agent, whose ids are personal data and
    /// stay out of logs; the id too for officers and departments.
    /// </summary>
    internal string LogName => Kind is CaseActorKind.Applicant or CaseActorKind.Agent ? Kind.ToString().ToLowerInvariant() : AuditName;

    /// <inheritdoc />
    public override string ToString() => Kind == CaseActorKind.Officer ? $"{AuditName} ({string.Join(", ", Posts)})" : AuditName;

    private static string Checked(string id, string parameterName)
    {
        CaseInputs.Identifier(id, parameterName);
        return id;
    }
}
