using Microsoft.Data.Sqlite;
using WorkflowCore.Models;
using OneVisit.Workflows.Persistence.Sqlite;

namespace OneVisit.Workflows.Engine.Persistence;

/// <summary>
/// IScheduledCommandRepository: WorkflowCore's "process this workflow / event at time T" commands, so that
/// far-future wake-ups survive a restart without polling every instance.
/// </summary>
internal sealed partial class SqliteWorkflowStore
{
    public bool SupportsScheduledCommands => true;

    /// <summary>
    /// One row per (command, data). Scheduling it again replaces the time: the latest schedule for a workflow
    /// reflects its latest NextExecution. (WorkflowCore's EF provider keeps the first and drops the rest.)
    /// </summary>
    public Task ScheduleCommand(ScheduledCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (name, data, time) = (command.CommandName, command.Data, command.ExecuteTime);
        return WriteAsync(transaction =>
        {
            using var insert = SqlCommands.Create(transaction, """
                INSERT INTO wf_scheduled_commands (command_name, data, execute_time) VALUES ($name, $data, $time)
                ON CONFLICT (command_name, data) DO UPDATE SET execute_time = excluded.execute_time;
                """).With("$name", name).With("$data", data).With("$time", time);
            return insert.ExecuteNonQuery();
        }, CancellationToken.None);
    }

    /// <summary>
    /// Runs every command due at <paramref name="asOf"/>, oldest first, and deletes each one after its action
    /// succeeded. A failing action is logged and its command stays for the next poll. The delete only removes
    /// the schedule that was run: if the command was rescheduled meanwhile, the new time stays.
    /// </summary>
    public async Task ProcessCommands(
        DateTimeOffset asOf, Func<ScheduledCommand, Task> action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var due = await ReadAsync(connection =>
        {
            using var command = SqlCommands.Create(connection, """
                SELECT command_name, data, execute_time FROM wf_scheduled_commands
                WHERE execute_time <= $as_of ORDER BY execute_time;
                """).With("$as_of", asOf.UtcTicks);
            using var reader = command.ExecuteReader();
            var commands = new List<ScheduledCommand>();
            while (reader.Read())
            {
                commands.Add(new ScheduledCommand
                {
                    CommandName = reader.GetString(0),
                    Data = reader.GetString(1),
                    ExecuteTime = reader.GetInt64(2),
                });
            }

            return commands;
        }, cancellationToken).ConfigureAwait(false);

        foreach (var command in due)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await action(command).ConfigureAwait(false);
                await WriteAsync(transaction => DeleteIfUnchanged(transaction, command), CancellationToken.None)
                    .ConfigureAwait(false);
            }
#pragma warning disable CA1031 // One failing command must not stop the others; it is retried on the next poll.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Log.ScheduledCommandFailed(_logger, command.CommandName, command.Data, exception);
            }
        }
    }

    private static int DeleteIfUnchanged(SqliteTransaction transaction, ScheduledCommand command)
    {
        using var delete = SqlCommands.Create(transaction, """
            DELETE FROM wf_scheduled_commands WHERE command_name = $name AND data = $data AND execute_time = $time;
            """).With("$name", command.CommandName).With("$data", command.Data).With("$time", command.ExecuteTime);
        return delete.ExecuteNonQuery();
    }
}
