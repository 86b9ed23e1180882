namespace OneVisit.Cli;

/// <summary>What the onevisit command's exit code means; scripts and CI may rely on these.</summary>
internal static class ExitCodes
{
    /// <summary>Done, nothing to report.</summary>
    public const int Ok = 0;

    /// <summary>The catalogue (or input) has errors.</summary>
    public const int Errors = 1;

    /// <summary>No errors, but warnings: the catalogue loads, yet something is probably a mistake.</summary>
    public const int Warnings = 2;

    /// <summary>The command was called wrongly: unknown option, missing argument, a folder that does not exist.</summary>
    public const int Usage = 64;
}
