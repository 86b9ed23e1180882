using System.Text.Json.Serialization;
using OneVisit.Workflows.Evidence;

namespace OneVisit.Workflows.Cases;

/// <summary>Source-generated JSON for what OneVisit stores outside the workflow document.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EvidenceResponse))]
[JsonSerializable(typeof(CaseTerms))]
internal sealed partial class CaseJson : JsonSerializerContext;
