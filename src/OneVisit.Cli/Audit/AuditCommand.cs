using System.CommandLine;
using Microsoft.Extensions.Options;
using OneVisit.Cli.Cases;
using OneVisit.Cli.Common;
using OneVisit.Workflows.Audit;

namespace OneVisit.Cli.Audit;

/// <summary><c>onevisit audit verify</c>: checks every case's audit chain in a SQLite case store, without running anything.</summary>
internal static class AuditCommand
{
    /// <summary>Where the key is read from when <c>--key</c> is not given: an argument shows in the process list, a variable does not.</summary>
    public const string KeyVariable = "ONEVISIT_AUDIT_KEY";

    public static Command Create(Terminal output, Terminal error) =>
        new("audit", "Check the audit log of a SQLite case store (a host's UseSqlite database, or the demo's) for tampering.")
        {
            Verify(output, error),
        };

    private static Command Verify(Terminal output, Terminal error)
    {
        var database = new Option<string?>("--db") { Description = "The SQLite case store. By default the newest demo store, the one the last 'onevisit demo' made.", HelpName = "file" };
        var key = new Option<string?>("--key")
        {
            Description = $"The host's audit key (CaseOptions.AuditKey, base64), to check each line's HMAC too; without it only hashes are checked, and a chain rebuilt by someone with write access passes. Also read from {KeyVariable}, which keeps it out of the process list.",
            HelpName = "base64",
        };
        var caseId = new Option<string?>("--case") { Description = "Only this case's chain.", HelpName = "case-id" };
        var json = new Option<bool>("--json") { Description = "Print JSON for programs to read." };
        var language = LanguageOption.Create("The language of the text (the JSON is the same in both):");
        var command = new Command(
            "verify",
            "Recompute every case's audit chain: each line's hash over its content and the line before it, and with --key its HMAC; "
            + "report each chain's first broken line with its case and position. Exit code: 0 every chain verified, 1 a chain is broken "
            + "(or not a case store), 2 none broken but some lines predate chaining, 64 usage.")
        {
            database,
            key,
            caseId,
            json,
            language,
        };
        command.SetAction(async (parsed, cancellation) =>
        {
            var auditKey = parsed.GetValue(key) ?? Environment.GetEnvironmentVariable(KeyVariable);
            var input = CaseStoreInput.Open("audit verify", parsed.GetValue(database) ?? DemoStores.Newest(), Samples.Catalogue, null, error, out var exitCode,
                workflows: w => w.Configure(o => o.AuditKey = string.IsNullOrEmpty(auditKey) ? null : auditKey));
            if (input is null)
            {
                return exitCode;
            }

            await using (input.ConfigureAwait(false))
            {
                if (OpenLog(input, error) is not { } log)
                {
                    return ExitCodes.Usage;
                }

                return await ReadOnlyStore.ReadAsync("audit verify", input.Database, error, async () =>
                {
                    var verification = await log.VerifyAsync(parsed.GetValue(caseId), cancellation).ConfigureAwait(false);
                    if (parsed.GetValue(json))
                    {
                        AuditJson.Write(output, verification);
                    }
                    else
                    {
                        new AuditText(output, parsed.GetValue(language)).Write(verification, input.Database);
                    }

                    return verification.AnyBroken ? ExitCodes.Errors : verification.AllVerified ? ExitCodes.Ok : ExitCodes.Warnings;
                }).ConfigureAwait(false);
            }
        });
        return command;
    }

    /// <summary>The audit log, or null after saying why the key is unusable (without showing it: it is a secret).</summary>
    private static IAuditLog? OpenLog(CaseStoreInput input, Terminal error)
    {
        try
        {
            return input.Audit;
        }
        catch (OptionsValidationException invalid)
        {
            // The library names the setting (CaseOptions.AuditKey); here the user typed --key (or set the variable).
            var failure = string.Join(" ", invalid.Failures);
            var problem = failure[(failure.IndexOf("CaseOptions.AuditKey", StringComparison.Ordinal) is var at and >= 0 ? at + "CaseOptions.AuditKey".Length : 0)..].Trim();
            error.WriteLine($"onevisit audit verify: the key (--key or {KeyVariable}) {problem}", ConsoleColour.Red);
            return null;
        }
    }
}
