namespace OneVisit.Cli;

/// <summary>What the onevisit command's exit code means; scripts and CI may rely on these.</summary>
internal static class ExitCodes
{
    /// <summary>Done, nothing to report.</summary>
    public const int Ok = 0;

    /// <summary>The catalogue (or input) has errors, or a policy test failed.</summary>
    public const int Errors = 1;

    /// <summary>
    /// No errors, but something needs a look: lint found only warnings, or precheck's verdict is not_yet or
    /// multiple_visits (the applicant cannot finish in one visit yet, but could).
    /// </summary>
    public const int Warnings = 2;

    /// <summary>
    /// A final answer, not a gap: precheck's verdict is not_eligible (an acceptance condition or eligibility rule
    /// refuses the application on its facts). Distinct from 2, which means "fix something and try again", and from
    /// 1, which means the input or catalogue is broken.
    /// </summary>
    public const int NotEligible = 3;

    /// <summary>The command was called wrongly: unknown option, missing argument, a folder that does not exist.</summary>
    public const int Usage = 64;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
