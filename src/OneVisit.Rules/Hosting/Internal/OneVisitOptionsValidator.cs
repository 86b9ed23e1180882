using Microsoft.Extensions.Options;

namespace OneVisit.Rules.Hosting.Internal;

/// <summary>The attribute rules of <see cref="OneVisitOptions"/> and, through it, of its <c>Precheck</c> part; generated.</summary>
[OptionsValidator]
internal sealed partial class OneVisitOptionsValidator : IValidateOptions<OneVisitOptions>;
