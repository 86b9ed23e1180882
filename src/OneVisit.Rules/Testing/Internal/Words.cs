using System.Globalization;

namespace OneVisit.Rules.Testing.Internal;

/// <summary>Values as a test file writes them.</summary>
internal static class Words
{
    public static string Of(bool value) => value ? "true" : "false";

    public static string Of(int value) => value.ToString(CultureInfo.InvariantCulture);
}
