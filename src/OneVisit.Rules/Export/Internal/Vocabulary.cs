namespace OneVisit.Rules.Export.Internal;

/// <summary>
/// The prefixes of the export's own <c>@context</c>, and the terms it uses. Every CPSV-AP term is the IRI the official
/// 3.2.0 context gives it (releases/3.2.0/context/cpsv-ap.jsonld); a test holds them to that file.
/// </summary>
internal static class Vocabulary
{
    public static readonly IReadOnlyList<(string Prefix, string Iri)> Prefixes =
    [
        ("cpsv", "http://purl.org/vocab/cpsv#"),
        ("cv", "http://data.europa.eu/m8g/"),
        ("dct", "http://purl.org/dc/terms/"),
        ("dcat", "http://www.w3.org/ns/dcat#"),
        ("eli", "http://data.europa.eu/eli/ontology#"),
        ("foaf", "http://xmlns.com/foaf/0.1/"),
        ("org", "http://www.w3.org/ns/org#"),
        ("owl", "http://www.w3.org/2002/07/owl#"),
        ("skos", "http://www.w3.org/2004/02/skos/core#"),
        ("xsd", "http://www.w3.org/2001/XMLSchema#"),
        ("ov", CpsvApExport.ExtensionNamespace),
    ];
}

/// <summary>Core Public Service Vocabulary terms.</summary>
internal static class Cpsv
{
    public const string PublicService = "cpsv:PublicService";
    public const string Produces = "cpsv:produces";
}

/// <summary>Core Vocabularies (<c>http://data.europa.eu/m8g/</c>) terms.</summary>
internal static class Cv
{
    public const string PublicOrganisation = "cv:PublicOrganisation";
    public const string Requirement = "cv:Requirement";
    public const string Evidence = "cv:Evidence";
    public const string Output = "cv:Output";
    public const string Cost = "cv:Cost";
    public const string Channel = "cv:Channel";
    public const string Participation = "cv:Participation";
    public const string Event = "cv:Event";
    public const string LifeEvent = "cv:LifeEvent";
    public const string BusinessEvent = "cv:BusinessEvent";
    public const string HasCompetentAuthority = "cv:hasCompetentAuthority";
    public const string HoldsRequirement = "cv:holdsRequirement";
    public const string HasSupportingEvidence = "cv:hasSupportingEvidence";
    public const string HasCost = "cv:hasCost";
    public const string HasValue = "cv:hasValue";
    public const string Currency = "cv:currency";
    public const string HasChannel = "cv:hasChannel";
    public const string HasLegalResource = "cv:hasLegalResource";
    public const string ProcessingTime = "cv:processingTime";
    public const string HasParticipation = "cv:hasParticipation";
    public const string HasParticipant = "cv:hasParticipant";
    public const string Role = "cv:role";
    public const string IsGroupedBy = "cv:isGroupedBy";
    public const string HasRelatedService = "cv:hasRelatedService";
}

/// <summary>Dublin Core terms.</summary>
internal static class Dct
{
    public const string Identifier = "dct:identifier";
    public const string Title = "dct:title";
    public const string Description = "dct:description";
    public const string Spatial = "dct:spatial";
    public const string IsPartOf = "dct:isPartOf";
    public const string Publisher = "dct:publisher";
    public const string Requires = "dct:requires";
    public const string Location = "dct:Location";
}

/// <summary>The other W3C and EU vocabularies the export borrows a term or two from.</summary>
internal static class Other
{
    public const string Dataset = "dcat:Dataset";
    public const string LegalResource = "eli:LegalResource";
    public const string Agent = "foaf:Agent";
    public const string Organization = "org:Organization";
    public const string SubOrganizationOf = "org:subOrganizationOf";
    public const string VersionInfo = "owl:versionInfo";
    public const string Concept = "skos:Concept";
    public const string PrefLabel = "skos:prefLabel";
}

/// <summary>XML Schema datatypes, as compact IRIs.</summary>
internal static class Xsd
{
    public const string Date = "xsd:date";
    public const string Double = "xsd:double";
    public const string Duration = "xsd:duration";
}

/// <summary>OneVisit's extension vocabulary: what CPSV-AP has no term for. Each term is explained in docs/export.md.</summary>
internal static class Ov
{
    public const string VisitReason = "ov:VisitReason";
    public const string Trip = "ov:Trip";
    public const string Touchpoint = "ov:Touchpoint";
    public const string Flow = "ov:Flow";
    public const string VisitsPopulation = "ov:VisitsPopulation";

    public const string DefaultCompetentAuthority = "ov:defaultCompetentAuthority";
    public const string AdministrativeLevel = "ov:administrativeLevel";
    public const string Department = "ov:department";
    public const string EffectiveFrom = "ov:effectiveFrom";
    public const string EffectiveUntil = "ov:effectiveUntil";
    public const string ResultDelivery = "ov:resultDelivery";
    public const string ProcessingTimeInWorkingDays = "ov:processingTimeInWorkingDays";
    public const string StatutoryTimeLimit = "ov:statutoryTimeLimit";
    public const string StatutoryTimeLimitInWorkingDays = "ov:statutoryTimeLimitInWorkingDays";
    public const string Party = "ov:party";
    public const string Form = "ov:form";
    public const string Copies = "ov:copies";
    public const string RequiredWhen = "ov:requiredWhen";
    public const string Exemption = "ov:exemption";
    public const string ChargedWhen = "ov:chargedWhen";
    public const string IssuedBy = "ov:issuedBy";

    public const string MaxVisits = "ov:maxVisits";
    public const string NaiveVisits = "ov:naiveVisits";
    public const string TypicalVisits = "ov:typicalVisits";
    public const string FewestVisits = "ov:fewestVisits";
    public const string VisitsOver = "ov:visitsPopulation";
    public const string VisitReasonOf = "ov:visitReason";
    public const string Step = "ov:step";
    public const string PresenceReason = "ov:presenceReason";
    public const string VisitNumber = "ov:visitNumber";
    public const string TripOf = "ov:trip";
    public const string TripNumber = "ov:tripNumber";
    public const string Wave = "ov:wave";
    public const string Place = "ov:place";
    public const string TouchpointOf = "ov:touchpoint";
    public const string Service = "ov:service";
    public const string PopulationKind = "ov:populationKind";
    public const string Situations = "ov:situations";
    public const string AsOf = "ov:asOf";

    public const string LeadAuthority = "ov:leadAuthority";
    public const string OptionalService = "ov:optionalService";
    public const string Delivery = "ov:delivery";
    public const string PromisedTimeLimit = "ov:promisedTimeLimit";
    public const string PromisedTimeLimitInWorkingDays = "ov:promisedTimeLimitInWorkingDays";
    public const string FlowOf = "ov:flow";
    public const string FromService = "ov:fromService";
    public const string ToService = "ov:toService";
    public const string OutputOf = "ov:output";
    public const string EvidenceOf = "ov:evidence";
    public const string ToRequirement = "ov:toRequirement";
    public const string Via = "ov:via";
}
