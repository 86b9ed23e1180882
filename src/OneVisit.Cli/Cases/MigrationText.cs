using OneVisit.Cli.Common;
using OneVisit.Rules.Catalog;
using OneVisit.Workflows.Migration;

namespace OneVisit.Cli.Cases;

/// <summary>A migration's plan, or what a run did, as <c>onevisit cases migrate</c> prints it: one block per case, then the counts.</summary>
internal static class MigrationText
{
    public static void Write(Terminal output, MigrationPlan plan, string database, bool dryRun)
    {
        output.WriteLine($"{(dryRun ? "Plan" : "Migration")}: open cases of {plan.ProcedureCode} to v{plan.ToVersion}, in {database}");
        if (plan.Cases.Count == 0)
        {
            output.WriteLine("  No open case of this procedure.");
        }

        foreach (var migration in plan.Cases)
        {
            output.WriteLine();
            output.WriteLine($"  {migration.CaseId}  v{migration.FromVersion}  {CatalogWords.Of(migration.Stage)}  {Status(migration.Status)}", Colour(migration.Status));
            if (migration.Reason is { } reason)
            {
                output.WriteLine($"    {reason}");
            }

            foreach (var change in migration.Changes)
            {
                output.WriteLine($"    - {change.Detail}");
            }

            if (migration.Status is MigrationStatus.WillMove or MigrationStatus.Moved && migration.Changes.Count == 0)
            {
                output.WriteLine("    - nothing changes for this case but its version");
            }
        }

        output.WriteLine();
        var counts = Enum.GetValues<MigrationStatus>().Where(s => plan.Count(s) > 0).Select(s => $"{plan.Count(s)} {Status(s)}");
        output.WriteLine($"{plan.Cases.Count} open case(s){(plan.Cases.Count > 0 ? ": " + string.Join(", ", counts) : "")}.");
        if (dryRun && plan.Count(MigrationStatus.WillMove) > 0)
        {
            output.WriteLine($"Nothing was changed. To move them: onevisit cases migrate --procedure {plan.ProcedureCode} --to-version {plan.ToVersion} (with the same --db or --pg and --catalog).");
        }
    }

    public static string Status(MigrationStatus status) => status switch
    {
        MigrationStatus.WillMove => "would move",
        MigrationStatus.CannotMove => "cannot move",
        MigrationStatus.Moved => "moved",
        _ => "already moved",
    };

    private static ConsoleColour Colour(MigrationStatus status) => status == MigrationStatus.CannotMove ? ConsoleColour.Yellow : ConsoleColour.Green;
}
