using System.Text.Json;
using OneVisit.Rules.Json;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Migration;

namespace OneVisit.Workflows.Json;

public static partial class CaseJson
{
    /// <summary>
    /// Writes a migration's plan, or what a run did, as one whole object: <c>procedure</c>, <c>toVersion</c>, <c>counts</c>
    /// (per status: <c>willMove</c>, <c>cannotMove</c>, <c>moved</c>, <c>alreadyMoved</c>) and <c>cases</c>, each with
    /// <c>caseId</c>, <c>fromVersion</c>, <c>stage</c>, <c>status</c>, <c>reason</c> (why it cannot move, else null) and
    /// <c>changes</c> (<c>kind</c>, <c>subject</c>, <c>detail</c>).
    /// </summary>
    /// <param name="json">The writer, positioned where a value may start.</param>
    /// <param name="plan">The plan or the run's result (<see cref="ICaseMigrations"/>).</param>
    public static void WriteMigration(Utf8JsonWriter json, MigrationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(plan);
        json.WriteStartObject();
        json.WriteString("procedure", plan.ProcedureCode);
        json.WriteNumber("toVersion", plan.ToVersion);
        json.WriteStartObject("counts");
        json.WriteNumber("willMove", plan.Count(MigrationStatus.WillMove));
        json.WriteNumber("cannotMove", plan.Count(MigrationStatus.CannotMove));
        json.WriteNumber("moved", plan.Count(MigrationStatus.Moved));
        json.WriteNumber("alreadyMoved", plan.Count(MigrationStatus.AlreadyMoved));
        json.WriteEndObject();
        json.WriteObjects("cases", plan.Cases, migration =>
        {
            json.WriteString("caseId", migration.CaseId);
            json.WriteNumber("fromVersion", migration.FromVersion);
            json.WriteWord<CaseStage>("stage", migration.Stage);
            json.WriteWord<MigrationStatus>("status", migration.Status);
            json.WriteString("reason", migration.Reason);
            json.WriteObjects("changes", migration.Changes, change =>
            {
                json.WriteWord<MigrationChangeKind>("kind", change.Kind);
                json.WriteString("subject", change.Subject);
                json.WriteString("detail", change.Detail);
            });
        });
        json.WriteEndObject();
    }
}
