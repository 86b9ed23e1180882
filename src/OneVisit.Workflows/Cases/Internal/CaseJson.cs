using System.Text.Json.Serialization;
using OneVisit.Workflows.Evidence;

namespace OneVisit.Workflows.Cases.Internal;

/// <summary>
/// Source-generated JSON for what OneVisit stores: the case data and event payloads inside workflow documents
/// and bundle case data (the fastest and smallest encoding, with no type names), and evidence answers and terms in
/// its own tables.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EvidenceResponse))]
[JsonSerializable(typeof(IReadOnlyCollection<string>))]
[JsonSerializable(typeof(CaseTerms))]
[JsonSerializable(typeof(CaseData))]
[JsonSerializable(typeof(CaseTimeout))]
[JsonSerializable(typeof(PickedUp))]
[JsonSerializable(typeof(SuppliedDocuments))]
[JsonSerializable(typeof(SignedCommitment))]
[JsonSerializable(typeof(CaseDecision))]
[JsonSerializable(typeof(CaseClosedNotice))]
[JsonSerializable(typeof(CaseMigrated))]
[JsonSerializable(typeof(EvidenceRequest))]
[JsonSerializable(typeof(Bundles.Internal.BundleData))]
[JsonSerializable(typeof(Bundles.Internal.MemberFinished))]
[JsonSerializable(typeof(Bundles.Internal.BundleInput))]
[JsonSerializable(typeof(Bundles.Internal.BundleAccepted))]
[JsonSerializable(typeof(CaseApplication))]
internal sealed partial class CaseJson : JsonSerializerContext;
