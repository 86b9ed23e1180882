using System.CommandLine;
using Microsoft.Extensions.Options;
using OneVisit.Cli.Cases;
using OneVisit.Cli.Common;
using OneVisit.Workflows.Audit;

namespace OneVisit.Cli.Audit;

/// <summary>
/// <c>onevisit audit verify</c>: checks every case's audit chain in a case store (SQLite or PostgreSQL); <c>onevisit audit
/// who-looked</c>: the data tracker of one subject. Both read the store without running anything.
/// </summary>
internal static class AuditCommand
{
    /// <summary>Where the key is read from when <c>--key</c> is not given: an argument shows in the process list, a variable does not.</summary>
    public const string KeyVariable = "ONEVISIT_AUDIT_KEY";

    public static Command Create(Terminal output, Terminal error) =>
        new("audit", "Read the audit log of a case store (a host's UseSqlite file or UsePostgreSql database, or the demo's): check it for tampering, or list who looked at a person's data.")
        {
            Verify(output, error),
            WhoLooked(output, error),
        };

    private static Command Verify(Terminal output, Terminal error)
    {
        var store = StoreSource.Create();
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
            + "(or not a case store, or PostgreSQL unreachable), 2 none broken but some lines predate chaining, 64 usage.")
        {
            key,
            caseId,
            json,
            language,
        };
        store.AddTo(command);
        command.SetAction(async (parsed, cancellation) =>
        {
            var auditKey = parsed.GetValue(key) ?? Environment.GetEnvironmentVariable(KeyVariable);
            var (input, exitCode) = await CaseStoreInput.OpenAsync("audit verify", store.Resolve(parsed), Samples.Catalogue, null, error, cancellation,
                workflows: w => w.Configure(o => o.AuditKey = string.IsNullOrEmpty(auditKey) ? null : auditKey)).ConfigureAwait(false);
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

    private static Command WhoLooked(Terminal output, Terminal error)
    {
        var subject = new Argument<string>("subject-id") { Description = "The data subject: the applicant's id, as the cases name it ('cases list' shows it)." };
        var store = StoreSource.Create();
        var json = new Option<bool>("--json") { Description = "Print JSON for programs to read." };
        var language = LanguageOption.Create("The language of the text (the JSON is the same in both):");
        var command = new Command(
            "who-looked",
            "The data tracker: every time someone other than the subject looked at their data (an officer, an agent or a department's system "
            + "read one of their cases, or a department was asked for a document about them), with when, who, which case and data, and why. "
            + "Times are in the catalogue's zone. The CLI reads as the store's operator (CaseActor.System), whose reads are not tracked, and opens "
            + "the store read-only: running this writes nothing, no tracker line either. "
            + "Exit code: 0 listed (even none), 1 not a case store, 64 usage (a subject id that is empty, too long or has control characters).")
        {
            subject,
            json,
            language,
        };
        store.AddTo(command);
        command.SetAction(async (parsed, cancellation) =>
        {
            var subjectId = parsed.GetRequiredValue(subject);
            var (input, exitCode) = await CaseStoreInput.OpenAsync("audit who-looked", store.Resolve(parsed), Samples.Catalogue, null, error, cancellation).ConfigureAwait(false);
            if (input is null)
            {
                return exitCode;
            }

            await using (input.ConfigureAwait(false))
            {
                return await ReadOnlyStore.ReadAsync("audit who-looked", input.Database, error, async () =>
                {
                    IReadOnlyList<DataAccess> accesses;
                    try
                    {
                        accesses = await input.Audit.WhoLookedAsync(subjectId, cancellation).ConfigureAwait(false);
                    }
                    catch (Workflows.Cases.InvalidCaseInputException invalid)
                    {
                        // The library's message names the problem and never quotes a value that could forge a line.
                        error.WriteLine($"onevisit audit who-looked: {invalid.Message}", ConsoleColour.Red);
                        return ExitCodes.Usage;
                    }

                    if (parsed.GetValue(json))
                    {
                        WhoLookedJson.Write(output, subjectId, accesses, input.Zone);
                    }
                    else
                    {
                        new WhoLookedText(output, input.Catalog, input.Zone, parsed.GetValue(language)).Write(subjectId, accesses, input.Database);
                    }

                    return ExitCodes.Ok;
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
