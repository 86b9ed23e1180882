namespace OneVisit.Workflows.Actors;

/// <summary>What a caller asks to do; authorization decides each by the actor and the case (docs/security.md has the table).</summary>
public enum CaseOperation
{
    /// <summary>Submit an application (a case's or a bundle's).</summary>
    Submit,

    /// <summary>Read a case or a bundle case, or wait for it.</summary>
    Read,

    /// <summary>List cases.</summary>
    List,

    /// <summary>Hand in documents the case waits for.</summary>
    SupplyDocuments,

    /// <summary>Sign a commitment (告知承诺) instead of a document.</summary>
    SignCommitment,

    /// <summary>Give consent as a party to a bundle case.</summary>
    Consent,

    /// <summary>Answer an evidence request as the department it was addressed to.</summary>
    AnswerEvidence,

    /// <summary>Decide a case under review.</summary>
    Decide,

    /// <summary>Record that the applicant came to an office.</summary>
    RecordVisit,

    /// <summary>Record that the applicant collected the result.</summary>
    ConfirmPickup,

    /// <summary>Read a case's audit trail.</summary>
    ReadAudit,

    /// <summary>Read the audit lines about one subject across cases ("who looked at my data").</summary>
    ReadSubjectAudit,

    /// <summary>Verify the audit chains.</summary>
    VerifyAudit,

    /// <summary>Read past cases' applications, identities dropped, as a what-if population (<see cref="History.ICaseHistory"/>).</summary>
    ReadPopulation,

    /// <summary>Move open cases to a later version of their procedure (<see cref="Migration.ICaseMigrations"/>).</summary>
    Migrate,
}
