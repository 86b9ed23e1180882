using Microsoft.Extensions.Options;

namespace OneVisit.Workflows.Internal;

/// <summary>The attribute rules of <see cref="CaseOptions"/>, generated; run when the host or the case runtime starts.</summary>
[OptionsValidator]
internal sealed partial class CaseOptionsValidator : IValidateOptions<CaseOptions>;
