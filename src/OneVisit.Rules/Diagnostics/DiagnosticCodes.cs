namespace OneVisit.Rules.Diagnostics;

/// <summary>
/// The stable codes of catalogue diagnostics. OV1xxx: files and YAML; OV2xxx: the catalogue's ids and
/// references; OV3xxx: conditions (expressions); OV4xxx: policy tests; OV5xxx: reforms (what-if). <c>docs/diagnostics.md</c> explains each.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>The file is not valid YAML.</summary>
    public const string YamlSyntax = "OV1001";

    /// <summary>The file is larger than a catalogue file may be.</summary>
    public const string FileTooLarge = "OV1002";

    /// <summary>The file is not valid UTF-8 text.</summary>
    public const string InvalidUtf8 = "OV1003";

    /// <summary>The YAML nests deeper than allowed, or has more nodes than a catalogue file needs.</summary>
    public const string TooComplex = "OV1004";

    /// <summary>YAML anchors and aliases are not accepted.</summary>
    public const string AliasNotAllowed = "OV1005";

    /// <summary>A value has the wrong shape: a list where a mapping belongs, and so on.</summary>
    public const string WrongShape = "OV1006";

    /// <summary>A required key is missing.</summary>
    public const string MissingKey = "OV1007";

    /// <summary>A key that the format does not know (a warning).</summary>
    public const string UnknownKey = "OV1008";

    /// <summary>A value that cannot be read: not a date, not a number, not one of the allowed words.</summary>
    public const string InvalidValue = "OV1009";

    /// <summary>A required file or folder is missing.</summary>
    public const string MissingFile = "OV1010";

    /// <summary>The same key appears twice in one mapping.</summary>
    public const string DuplicateKey = "OV1011";

    /// <summary>A file holds more than one YAML document.</summary>
    public const string MultipleDocuments = "OV1012";

    /// <summary>Two things of one kind share an id (or a procedure code).</summary>
    public const string DuplicateId = "OV2001";

    /// <summary>A reference to a fact, document, authority, procedure, window, material or version that does not exist.</summary>
    public const string UnknownReference = "OV2002";

    /// <summary>The authority tree loops back on itself through <c>parent</c>.</summary>
    public const string AuthorityCycle = "OV2003";

    /// <summary>A procedure's jurisdiction has no <c>default</c> authority.</summary>
    public const string MissingJurisdictionDefault = "OV2004";

    /// <summary>An id or name that is not snake_case, or is a reserved word of the condition language.</summary>
    public const string InvalidIdentifier = "OV2005";

    /// <summary>A date range that ends before it starts.</summary>
    public const string InvalidDateRange = "OV2006";

    /// <summary>An exemption the document cannot support (data sharing without an evidence source, …).</summary>
    public const string ExemptionNotPossible = "OV2007";

    /// <summary>Form versions named for a document that has none.</summary>
    public const string FormVersionsNotApplicable = "OV2008";

    /// <summary>Two form versions of one document are current on the same day.</summary>
    public const string FormVersionOverlap = "OV2011";

    /// <summary>Days on which no version of a form is accepted.</summary>
    public const string FormVersionGap = "OV2012";

    /// <summary>A remote alternative that can never spare a trip: the procedure offers no remote channel, so the applicant hands in at the office anyway (a warning).</summary>
    public const string UnusableRemoteAlternative = "OV2013";

    /// <summary>The result can only be picked up, but the procedure has no window channel (a warning).</summary>
    public const string PickupWithoutWindow = "OV2014";

    /// <summary>A pickup presence step in a procedure whose result delivery does not offer pickup (a warning).</summary>
    public const string PickupNotDelivered = "OV2015";

    /// <summary>A material or presence step belongs to a party the procedure does not name in <c>parties</c>.</summary>
    public const string PartyNotInProcedure = "OV2016";

    /// <summary>A bundle flow starts or ends at a procedure that is not a member of the bundle.</summary>
    public const string FlowEndNotMember = "OV2017";

    /// <summary>A bundle flow passes on a document its <c>from</c> member does not produce, or cannot tell which one.</summary>
    public const string FlowDocumentNotProduced = "OV2018";

    /// <summary>A bundle flow feeds a material of another document type.</summary>
    public const string FlowTypeMismatch = "OV2019";

    /// <summary>A bundle's flows loop: a member would wait, through others, for its own result.</summary>
    public const string BundleCycle = "OV2020";

    /// <summary>A bundle asks consent of a party that no member procedure involves.</summary>
    public const string ConsentPartyNotInvolved = "OV2021";

    /// <summary>A member's material is a document another member of the bundle issues, but no flow feeds it (a warning).</summary>
    public const string UnfedMaterial = "OV2022";

    /// <summary>Two flows of a bundle feed the same material (a warning).</summary>
    public const string MaterialFedTwice = "OV2023";

    /// <summary>In a procedure with parties, a material of a per-person document (one other procedures give a party) has none (a warning).</summary>
    public const string PartyMaterialWithoutParty = "OV2024";

    /// <summary>A flow the citizen carries in a bundle that delivers all results together at the end (a warning).</summary>
    public const string CarriedFlowUnderUnifiedDelivery = "OV2025";

    /// <summary>A bundle's acceptance window does not accept one of its members (a warning).</summary>
    public const string AcceptanceWindowMissesMember = "OV2026";

    /// <summary>A flow's <c>settles</c> names a fact that is not yes/no, or one the fed member's conditions never use.</summary>
    public const string FlowSettlesWrongFact = "OV2027";

    /// <summary>An expression that cannot be read.</summary>
    public const string ExpressionSyntax = "OV3001";

    /// <summary>An expression names a fact that <c>facts.yaml</c> does not declare.</summary>
    public const string UnknownFact = "OV3002";

    /// <summary>An expression whose types do not fit.</summary>
    public const string TypeMismatch = "OV3003";

    /// <summary>An expression longer than allowed.</summary>
    public const string ExpressionTooLong = "OV3004";

    /// <summary>An expression nested deeper than allowed.</summary>
    public const string ExpressionTooDeep = "OV3005";

    /// <summary>A value that an enum fact does not allow.</summary>
    public const string UnknownEnumValue = "OV3006";

    /// <summary>A literal out of range: a date that does not exist, a number too large.</summary>
    public const string InvalidLiteral = "OV3007";

    /// <summary>A policy test gives a fact a value of the wrong type.</summary>
    public const string TestValueWrongType = "OV4001";

    /// <summary>A reform's change finds nothing to change: already so in the catalogue, or no such material or step in the procedures it names (a warning).</summary>
    public const string ReformChangesNothing = "OV5001";
}
