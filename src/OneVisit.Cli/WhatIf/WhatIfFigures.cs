using System.Globalization;
using OneVisit.Rules.WhatIf;

namespace OneVisit.Cli.WhatIf;

/// <summary>How the what-if report writes its figures, the same in the text and the HTML.</summary>
internal static class WhatIfFigures
{
    /// <summary>Cases and trips a year: weighted, so up to two decimals, grouped by thousands.</summary>
    public static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>A count, or what a withheld one says instead.</summary>
    public static string CasesOrWithheld(double? value, WhatIfReport report) => value is { } v ? Number(v) : $"fewer than {Number(report.Record.MinimumCellSize)}";
}
