using OneVisit.Workflows.Cases;

namespace OneVisit.Workflows.Actors;

/// <summary>One role an officer holds at one authority, as the host's identity system grants it.</summary>
public sealed record OfficerPost
{
    /// <summary>Creates the post; the authority id is checked like every id a caller gives (no control characters, at most 128 characters).</summary>
    /// <exception cref="InvalidCaseInputException">The authority id is empty, too long or could forge a line.</exception>
    public OfficerPost(string authorityId, OfficerRole role)
    {
        CaseInputs.Identifier(authorityId, nameof(authorityId));
        CaseInputs.Defined(role, nameof(role), "");
        AuthorityId = authorityId;
        Role = role;
    }

    /// <summary>The authority (an id of the catalogue's <c>authorities</c>).</summary>
    public string AuthorityId { get; }

    /// <summary>What the officer does there.</summary>
    public OfficerRole Role { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Role} at {AuthorityId}";
}
