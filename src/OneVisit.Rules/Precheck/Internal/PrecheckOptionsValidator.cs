using Microsoft.Extensions.Options;

namespace OneVisit.Rules.Precheck.Internal;

/// <summary>The attribute rules of <see cref="PrecheckOptions"/>, generated; used in a host and by an engine built without one.</summary>
[OptionsValidator]
internal sealed partial class PrecheckOptionsValidator : IValidateOptions<PrecheckOptions>
{
    private static readonly PrecheckOptionsValidator Instance = new();

    /// <summary>Throws what a host would throw at start, so an engine built by hand obeys the same rules.</summary>
    /// <exception cref="OptionsValidationException">Every broken rule, each naming its option.</exception>
    public static void ThrowIfInvalid(PrecheckOptions options)
    {
        var result = Instance.Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(PrecheckOptions), result.Failures);
        }
    }
}
