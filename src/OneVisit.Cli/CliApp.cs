using System.CommandLine;
using OneVisit.Cli.Audit;
using OneVisit.Cli.Cases;
using OneVisit.Cli.Demo;
using OneVisit.Cli.Export;
using OneVisit.Cli.Guide;
using OneVisit.Cli.Lint;
using OneVisit.Cli.Precheck;
using OneVisit.Cli.Test;
using OneVisit.Cli.Visits;

namespace OneVisit.Cli;

/// <summary>The onevisit command line: builds the commands and runs one, returning its exit code.</summary>
internal static class CliApp
{
    /// <summary>Runs a command to its end; for tests and callers without a synchronisation context.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool colour = false) =>
        RunAsync(args, output, error, colour).GetAwaiter().GetResult();

    /// <summary>Runs a command; Ctrl+C cancels the long ones (the demo) cleanly.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool colour = false, CancellationToken cancellationToken = default)
    {
        var stdout = new Terminal(output, colour);
        var stderr = new Terminal(error, colour);
        var root = new RootCommand("OneVisit: government procedures that take at most one visit. Start with 'onevisit demo'; every command has --help.")
        {
            LintCommand.Create(stdout, stderr),
            TestCommand.Create(stdout, stderr),
            PrecheckCommand.Create(stdout, stderr),
            GuideCommand.Create(stdout, stderr),
            WhatIf.WhatIfCommand.Create(stdout, stderr),
            VisitsCommand.Create(stdout, stderr),
            ExportCommand.Create(stdout, stderr),
            CasesCommand.Create(stdout, stderr),
            AuditCommand.Create(stdout, stderr),
            DemoCommand.Create(stdout, stderr),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                stderr.WriteLine($"onevisit: {problem.Message}", ConsoleColour.Red);
            }

            stderr.WriteLine("Run 'onevisit --help' to see the commands and their options.");
            return Task.FromResult(ExitCodes.Usage);
        }

        return parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
