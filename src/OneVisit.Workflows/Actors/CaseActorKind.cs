namespace OneVisit.Workflows.Actors;

/// <summary>The kinds of actor a case knows: who may read or change it is decided by kind first.</summary>
public enum CaseActorKind
{
    /// <summary>The person or company a case is about, acting for themselves (their subject id).</summary>
    Applicant,

    /// <summary>Someone acting for an applicant under a mandate (委托代理): whose, for which procedures, until when.</summary>
    Agent,

    /// <summary>A public servant, holding posts (an authority and a role) given by the host's identity system.</summary>
    Officer,

    /// <summary>A department's system, answering the evidence requests addressed to that department.</summary>
    Department,

    /// <summary>The host's own processing (background jobs, kiosks, the case runtime): never a person.</summary>
    System,
}

/// <summary>What an officer does for an authority: each post is one role at one authority.</summary>
public enum OfficerRole
{
    /// <summary>An intake window (受理窗口): takes applications and documents at the authority's windows, records visits and hands results over.</summary>
    IntakeWindow,

    /// <summary>Reviews and decides the authority's cases (审核/决定).</summary>
    Reviewer,

    /// <summary>Reads the authority's cases and audit trails, and verifies the audit chains (监察/审计); changes nothing.</summary>
    Auditor,

    /// <summary>
    /// Reads the authority's past applications, identities dropped, as populations for policy analysis (what-if); sees
    /// no case, no trail and no one's identity, and changes nothing.
    /// </summary>
    Analyst,
}
