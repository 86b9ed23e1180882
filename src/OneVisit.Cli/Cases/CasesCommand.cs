using System.CommandLine;
using OneVisit.Cli.Common;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Json;

namespace OneVisit.Cli.Cases;

/// <summary>
/// <c>onevisit cases list|show</c>: what a case store (SQLite or PostgreSQL) holds, read without running anything; and
/// <c>cases migrate</c>, which moves open cases to a later version of their procedure.
/// </summary>
internal static partial class CasesCommand
{
    public static Command Create(Terminal output, Terminal error)
    {
        var command = new Command(
            "cases",
            "Inspect durable cases in a case store (a host's UseSqlite file or UsePostgreSql database, or the demo's): list them, or show one "
            + "with its pending items, deadlines, evidence requests, ledgers and audit trail (nothing is run or changed); or move open cases "
            + "to the catalogue's version of their procedure (migrate, planned with --dry-run first).")
        {
            List(output, error),
            Show(output, error),
            Migrate(output, error),
        };
        return command;
    }

    private sealed record StoreOptions(StoreSource Store, Option<string> Catalogue, Option<string?> TimeZone, Option<bool> Json, Option<TextLanguage> Language)
    {
        public static StoreOptions Create() => new(
            StoreSource.Create(),
            new Option<string>("--catalog") { Description = "The catalogue the cases were run with, for the working calendar and names (the sample catalogue by default).", HelpName = "dir", DefaultValueFactory = _ => Samples.Catalogue },
            new Option<string?>("--time-zone")
            {
                Description = "The time zone (IANA id) to show times in. By default the catalogue's time_zone, or else this machine's; deadlines are counted in the catalogue's zone when it has one.",
                HelpName = "id",
            },
            new Option<bool>("--json") { Description = "Print JSON for programs to read." },
            LanguageOption.Create("The language of the text's labels, stages, states and names (the JSON is the same in both):"));

        public void AddTo(Command command)
        {
            Store.AddTo(command);
            command.Add(Catalogue);
            command.Add(TimeZone);
            command.Add(Json);
            command.Add(Language);
        }

        /// <summary>The store asked for (<see cref="StoreSource"/>), else the newest demo store.</summary>
        public Task<(CaseStoreInput? Input, int ExitCode)> OpenAsync(ParseResult parsed, string command, Terminal error, CancellationToken cancellationToken, bool writable = false) =>
            CaseStoreInput.OpenAsync(command, Store.Resolve(parsed), parsed.GetRequiredValue(Catalogue), parsed.GetValue(TimeZone), error, cancellationToken, writable: writable);
    }

    private static Command List(Terminal output, Terminal error)
    {
        var store = StoreOptions.Create();
        var applicant = new Option<string?>("--applicant") { Description = "Only this applicant's cases.", HelpName = "id" };
        var open = new Option<bool>("--open") { Description = "Only cases not closed." };
        var limit = new Option<int>("--limit") { Description = "At most this many, newest first.", DefaultValueFactory = _ => 50 };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 10_000)
            {
                r.AddError("--limit must be between 1 and 10000.");
            }
        });
        var command = new Command("list", "List cases, newest first: stage, outcome, procedure, competent authority, applicant. Exit code: 0 listed (even none), 1 not a case store (or PostgreSQL unreachable), 64 usage.")
        {
            applicant,
            open,
            limit,
        };
        store.AddTo(command);
        command.SetAction((parsed, cancellation) =>
        {
            return RunAsync(store.OpenAsync(parsed, "cases list", error, cancellation), "cases list", error, async input =>
            {
                var cases = await input.Cases.ListAsync(new CaseQuery(parsed.GetValue(applicant), parsed.GetValue(open), parsed.GetValue(limit)), cancellation).ConfigureAwait(false);
                if (parsed.GetValue(store.Json))
                {
                    JsonOutput.Write(output, json => CaseJson.WriteList(json, cases, input.Zone));
                }
                else
                {
                    new CaseText(output, input.Catalog, input.Zone, parsed.GetValue(store.Language), input.ZoneAsked).WriteList(cases, input.Database);
                }

                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static Command Show(Terminal output, Terminal error)
    {
        var store = StoreOptions.Create();
        var caseId = new Argument<string>("case-id") { Description = "The case's id, as 'cases list' or the demo prints it (e.g. C0193…)." };
        var command = new Command("show", "Show one case, or a bundle case (一件事) with its members and what passed between them: stage and outcome, what it waits for, evidence requests, deadlines, decision, delivery, visits, commitments and the audit trail. Exit code: 0 shown, 1 not a case store (or PostgreSQL unreachable), 64 usage or unknown case.")
        {
            caseId,
        };
        store.AddTo(command);
        command.SetAction((parsed, cancellation) =>
        {
            var id = parsed.GetRequiredValue(caseId);
            return RunAsync(store.OpenAsync(parsed, "cases show", error, cancellation), "cases show", error, async input =>
            {
                CaseSnapshot snapshot;
                try
                {
                    snapshot = await input.Cases.GetAsync(id, cancellation).ConfigureAwait(false);
                }
                catch (WrongBundleMemberException bundle) when (bundle.BundleCaseId == id)
                {
                    // A bundle case is read through the bundle service; its members are ordinary cases.
                    await ShowBundleAsync(input, id, parsed.GetValue(store.Json), parsed.GetValue(store.Language), output, cancellation).ConfigureAwait(false);
                    return ExitCodes.Ok;
                }
                catch (WrongBundleMemberException member)
                {
                    // A member that has not started (it waits for another's output, was stopped, or is not included).
                    error.WriteLine($"onevisit cases show: {member.Message} Show its bundle: onevisit cases show {member.BundleCaseId} --db {input.Database}", ConsoleColour.Red);
                    return ExitCodes.Usage;
                }
                catch (CasePurgedException purged)
                {
                    await ShowPurgedAsync(input, purged, parsed.GetValue(store.Json), parsed.GetValue(store.Language), output, cancellation).ConfigureAwait(false);
                    return ExitCodes.Ok;
                }
                catch (CaseNotFoundException)
                {
                    var known = (await input.Cases.ListAsync(new CaseQuery(Limit: 10_000), cancellation).ConfigureAwait(false)).Select(c => c.CaseId);
                    var hint = Rules.Diagnostics.Suggestions.DidYouMean(id, known);
                    error.WriteLine($"onevisit cases show: there is no case '{id}' in {input.Database}.{(hint.Length > 0 ? hint : " Run 'onevisit cases list' to see the cases.")}", ConsoleColour.Red);
                    return ExitCodes.Usage;
                }

                var details = new CaseDetails(
                    snapshot,
                    await input.Audit.ForCaseAsync(id, cancellation).ConfigureAwait(false),
                    await input.Visits.ForCaseAsync(id, cancellation).ConfigureAwait(false),
                    await input.Commitments.ForCaseAsync(id, cancellation).ConfigureAwait(false))
                {
                    Bundle = snapshot.BundleCaseId is { } owner ? await input.Bundles.GetAsync(owner, cancellation).ConfigureAwait(false) : null,
                    AuditChain = (await input.Audit.VerifyAsync(id, cancellation).ConfigureAwait(false)).Cases.SingleOrDefault(),
                    Database = input.Database,
                };
                if (parsed.GetValue(store.Json))
                {
                    JsonOutput.Write(output, json => CaseJson.WriteCase(json, details.Case, input.Zone, details.JsonParts));
                }
                else
                {
                    new CaseText(output, input.Catalog, input.Zone, parsed.GetValue(store.Language)).WriteCase(details);
                }

                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static async Task ShowBundleAsync(CaseStoreInput input, string id, bool json, TextLanguage language, Terminal output, CancellationToken cancellation)
    {
        Workflows.Bundles.BundleCaseSnapshot bundle;
        try
        {
            bundle = await input.Bundles.GetAsync(id, cancellation).ConfigureAwait(false);
        }
        catch (CasePurgedException purged)
        {
            await ShowPurgedAsync(input, purged, json, language, output, cancellation).ConfigureAwait(false);
            return;
        }

        var details = new BundleDetails(
            bundle,
            await input.Audit.ForCaseAsync(id, cancellation).ConfigureAwait(false),
            await input.Visits.ForCaseAsync(id, cancellation).ConfigureAwait(false));
        if (json)
        {
            JsonOutput.Write(output, writer => CaseJson.WriteBundle(writer, bundle, input.Zone, new CaseJsonParts { Visits = details.Visits, Audit = details.Audit }));
        }
        else
        {
            new BundleCaseText(output, input.Catalog, input.Zone, language).WriteBundle(details);
        }
    }

    /// <summary>A case (or bundle case) whose documents retention purged: what remains, and that it was purged.</summary>
    private static async Task ShowPurgedAsync(CaseStoreInput input, CasePurgedException purged, bool json, TextLanguage language, Terminal output, CancellationToken cancellation)
    {
        var id = purged.CaseId;
        var details = new PurgedCaseDetails(
            purged,
            await input.Audit.ForCaseAsync(id, cancellation).ConfigureAwait(false),
            await input.Visits.ForCaseAsync(id, cancellation).ConfigureAwait(false),
            await input.Commitments.ForCaseAsync(id, cancellation).ConfigureAwait(false))
        {
            AuditChain = (await input.Audit.VerifyAsync(id, cancellation).ConfigureAwait(false)).Cases.SingleOrDefault(),
            Database = input.Database,
        };
        if (json)
        {
            JsonOutput.Write(output, writer => CaseJson.WritePurged(writer, purged, input.Zone, details.JsonParts));
        }
        else
        {
            new CaseText(output, input.Catalog, input.Zone, language).WritePurged(details);
        }
    }

    private static async Task<int> RunAsync(Task<(CaseStoreInput? Input, int ExitCode)> opening, string command, Terminal error, Func<CaseStoreInput, Task<int>> run)
    {
        var (input, exitCode) = await opening.ConfigureAwait(false);
        if (input is null)
        {
            return exitCode;
        }

        await using (input.ConfigureAwait(false))
        {
            return await ReadOnlyStore.ReadAsync(command, input.Database, error, () => run(input)).ConfigureAwait(false);
        }
    }
}

/// <summary>A case with its ledgers and audit trail, as <c>cases show</c> prints it.</summary>
internal sealed record CaseDetails(
    CaseSnapshot Case,
    IReadOnlyList<Workflows.Audit.AuditEntry> Audit,
    IReadOnlyList<Workflows.Visits.VisitRecord> Visits,
    IReadOnlyList<Workflows.Commitments.CommitmentEntry> Commitments)
{
    /// <summary>For a member case, its bundle case (一件事).</summary>
    public Workflows.Bundles.BundleCaseSnapshot? Bundle { get; init; }

    /// <summary>Its audit chain as verified (hashes only: <c>cases show</c> takes no key), marked near the top when it does not verify.</summary>
    public Workflows.Audit.AuditChainCheck? AuditChain { get; init; }

    /// <summary>The store's file, for the command that says more about a broken chain.</summary>
    public string? Database { get; init; }

    /// <summary>What <c>cases show --json</c> writes beside the case: everything above but the store's file.</summary>
    public CaseJsonParts JsonParts => new() { AuditChain = AuditChain, Visits = Visits, Commitments = Commitments, Audit = Audit };
}

/// <summary>What remains of a case whose documents retention purged, as <c>cases show</c> prints it.</summary>
internal sealed record PurgedCaseDetails(
    CasePurgedException Purged,
    IReadOnlyList<Workflows.Audit.AuditEntry> Audit,
    IReadOnlyList<Workflows.Visits.VisitRecord> Visits,
    IReadOnlyList<Workflows.Commitments.CommitmentEntry> Commitments)
{
    /// <summary>Its audit chain as verified (hashes only), marked near the top when it does not verify.</summary>
    public Workflows.Audit.AuditChainCheck? AuditChain { get; init; }

    /// <summary>The store's file, for the command that says more about a broken chain.</summary>
    public string? Database { get; init; }

    /// <summary>What <c>cases show --json</c> writes beside the case: everything above but the store's file.</summary>
    public CaseJsonParts JsonParts => new() { AuditChain = AuditChain, Visits = Visits, Commitments = Commitments, Audit = Audit };
}
