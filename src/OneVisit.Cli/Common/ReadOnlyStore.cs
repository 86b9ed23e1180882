using Microsoft.Data.Sqlite;
using OneVisit.Workflows.Cases;

namespace OneVisit.Cli.Common;

/// <summary>
/// A case store opened to be inspected (for a PostgreSQL one, see also <see cref="PostgresStore"/>), by every command that reads one (<c>cases list|show</c>, <c>audit
/// verify</c>): the file must exist, it is opened with <c>Mode=ReadOnly</c>, so it is never created, migrated, locked
/// or switched to WAL, and the library refuses it when its schema is not the version this build reads. A running
/// host's store can be read this way too.
/// </summary>
internal static class ReadOnlyStore
{
    /// <summary>
    /// Whether <paramref name="database"/> names an existing regular file; when not, the problem is written to
    /// <paramref name="error"/> and <paramref name="exitCode"/> is <see cref="ExitCodes.Usage"/>.
    /// </summary>
    public static bool Exists(string command, string database, Terminal error, out int exitCode)
    {
        exitCode = ExitCodes.Ok;
        var file = InputFile.Inspect(database);
        var problem = file.Kind == FileKind.Missing
            ? $"there is no case store at {database}. Run 'onevisit demo' to create the demo's, or pass --db <file> (a host's UseSqlite database)."
            : file.Refusal("a case store");
        if (problem is null)
        {
            return true;
        }

        error.WriteLine($"onevisit {command}: {problem}", ConsoleColour.Red);
        exitCode = ExitCodes.Usage;
        return false;
    }

    /// <summary>The connection string for <c>UseSqlite</c> that opens <paramref name="database"/> read-only.</summary>
    public static string ConnectionString(string database) =>
        new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString();

    /// <summary>
    /// Runs a read, turning a file that is not a OneVisit case store, one of another schema version, or a damaged
    /// stored document into one line on <paramref name="error"/> and exit code <see cref="ExitCodes.Errors"/>,
    /// instead of a stack trace. The library's messages name the file or the case and never quote stored data.
    /// </summary>
    public static async Task<int> ReadAsync(string command, string database, Terminal error, Func<Task<int>> read)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (CaseStoreException e) when (e.InnerException is not SqliteException)
        {
            error.WriteLine($"onevisit {command}: {e.Message}", ConsoleColour.Red);
            return ExitCodes.Errors;
        }
        catch (Exception e) when (e is SqliteException or CaseStoreException)
        {
            var cause = (e.InnerException as SqliteException ?? e).Message.TrimEnd('.');
            error.WriteLine(
                $"onevisit {command}: {database} is not a OneVisit case store this version can read ({cause}). "
                + "Open the database a OneVisit host or 'onevisit demo' wrote.",
                ConsoleColour.Red);
            return ExitCodes.Errors;
        }
        catch (Npgsql.NpgsqlException e)
        {
            // What the library did not translate (it does for its own reads): the server's words, never the connection string.
            var cause = e is Npgsql.PostgresException server ? $"{server.SqlState}: {server.MessageText}" : e.Message;
            error.WriteLine($"onevisit {command}: reading {database} failed ({cause.TrimEnd('.')}). Check the database and the connection string, then run the command again.", ConsoleColour.Red);
            return ExitCodes.Errors;
        }
    }
}
