using System.Globalization;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>How catalogue text becomes numbers and dates: one place, so a value reads the same in every file.</summary>
internal static class Scalars
{
    /// <summary>A decimal such as <c>12.50</c>, <c>-3</c> or <c>10_000_000</c> (underscores group digits).</summary>
    public static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal),
            NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>An ISO date, <c>YYYY-MM-DD</c>, that exists.</summary>
    public static bool TryDate(string text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
}
