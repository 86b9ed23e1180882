using System.ComponentModel.DataAnnotations;

namespace OneVisit.Rules.Hosting.Internal;

/// <summary>
/// <see cref="RangeAttribute"/> that keeps its <see cref="ValidationAttribute.ErrorMessage"/> (written without a
/// closing period) and adds the value given. The options validator generator swaps a plain <c>[Range]</c> for a copy of its own that drops the message
/// (dotnet/runtime#123137), and a bare "must be between 1 and 2147483647" does not say why or what to do.
/// </summary>
/// <remarks>OneVisit.Workflows compiles this same file, so both packages word their limits alike.</remarks>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class ExplainedRangeAttribute : RangeAttribute
{
    public ExplainedRangeAttribute(int minimum, int maximum)
        : base(minimum, maximum)
    {
    }

    /// <summary>Limits as invariant-culture strings, e.g. <c>typeof(TimeSpan), "00:00:00.1", "10675199.02:48:05.4775807"</c>.</summary>
    public ExplainedRangeAttribute(Type type, string minimum, string maximum)
        : base(type, minimum, maximum)
    {
        ParseLimitsInInvariantCulture = true;
        ConvertValueInInvariantCulture = true;
    }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        IsValid(value)
            ? ValidationResult.Success
            : new ValidationResult(
                $"{FormatErrorMessage(validationContext.DisplayName)} (was {value}).",
                validationContext.MemberName is { } member ? [member] : null);
}
