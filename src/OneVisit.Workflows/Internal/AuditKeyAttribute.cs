using System.ComponentModel.DataAnnotations;

namespace OneVisit.Workflows.Internal;

/// <summary>
/// An audit key is base64 of at least <see cref="MinimumBytes"/> random bytes, or not set. The message never shows
/// the value: it is a secret, and a start-up error ends up in logs.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class AuditKeyAttribute : ValidationAttribute
{
    /// <summary>HMAC-SHA256's own strength: a shorter key makes the seal easier to forge.</summary>
    public const int MinimumBytes = 32;

    /// <summary>Why a key is refused, or null when it is usable (or not set).</summary>
    public static string? Problem(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        var bytes = new byte[key.Length];
        if (!Convert.TryFromBase64String(key, bytes, out var length))
        {
            return "is not base64";
        }

        return length < MinimumBytes ? $"is {length} bytes long, fewer than {MinimumBytes}" : null;
    }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        Problem(value as string) is { } problem
            ? new ValidationResult(
                $"{validationContext.DisplayName} {problem}: give base64 of at least {MinimumBytes} random bytes (e.g. 'openssl rand -base64 32'), kept outside the case store.",
                validationContext.MemberName is { } member ? [member] : null)
            : ValidationResult.Success;
}
