using System.Net.Sockets;
using Npgsql;

namespace OneVisit.Cli.Common;

/// <summary>
/// Before the library reads a PostgreSQL store: can it be reached, does it hold OneVisit's tables, at a schema version
/// this build reads? Each problem is one line that says where and what to check, never a stack trace or the password.
/// </summary>
internal static class PostgresStoreCheck
{
    /// <summary>Whether the store can be read; when not, the problem is on <paramref name="error"/>, with the exit code to return.</summary>
    public static async Task<(bool Readable, int ExitCode)> CheckAsync(string command, NpgsqlConnectionStringBuilder given, string readOnly, Terminal error, CancellationToken cancellationToken)
    {
        var problem = await FindProblemAsync(PostgresStore.Where(given), PostgresStore.Display(given), readOnly, cancellationToken).ConfigureAwait(false);
        if (problem is null)
        {
            return (true, ExitCodes.Ok);
        }

        error.WriteLine($"onevisit {command}: {problem}", ConsoleColour.Red);
        return (false, ExitCodes.Errors);
    }

    private static async Task<string?> FindProblemAsync(string where, string display, string readOnly, CancellationToken cancellationToken)
    {
        try
        {
            // No pool: one short session, closed before the library opens its own.
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(readOnly) { Pooling = false }.ConnectionString);
            await using (connection.ConfigureAwait(false))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                if (!await ScalarAsync<bool>(connection, "SELECT to_regclass('ov_cases') IS NOT NULL", cancellationToken).ConfigureAwait(false))
                {
                    return $"{where} holds no OneVisit case store (no ov_cases table); point --pg at the database a OneVisit host with UsePostgreSql uses.";
                }

                return await VersionProblemAsync(connection, display, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (PostgresException e)
        {
            return Refused(where, e);
        }
        catch (NpgsqlException e)
        {
            // Npgsql's own messages name the endpoint at most; the cause (refused, unknown host, timeout) is the inner one.
            var cause = (e.InnerException is SocketException or TimeoutException ? e.InnerException.Message : e.Message).TrimEnd('.');
            return $"could not reach {where} ({cause}). Check the host and port, that the server runs and accepts connections from this machine (pg_hba.conf, firewall).";
        }
    }

    private static string Refused(string where, PostgresException e) => e.SqlState switch
    {
        PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification =>
            $"{where} refused the login ({e.MessageText.TrimEnd('.')}). Check the user name and the password (Password= in the connection string, PGPASSWORD, or ~/.pgpass).",
        PostgresErrorCodes.InvalidCatalogName =>
            $"{where}: the database does not exist ({e.MessageText.TrimEnd('.')}). Check Database= in the connection string: it is the database the OneVisit host's UsePostgreSql names.",
        PostgresErrorCodes.InsufficientPrivilege =>
            $"{where}: the user may not read OneVisit's tables ({e.MessageText.TrimEnd('.')}). Grant it SELECT on them, or connect as a user that has it.",
        _ => $"{where} failed ({e.SqlState}: {e.MessageText.TrimEnd('.')}). Check the connection string and the server's log.",
    };

    private static async Task<string?> VersionProblemAsync(NpgsqlConnection connection, string display, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        if (await ScalarAsync<bool>(connection, "SELECT to_regclass('schema_versions') IS NOT NULL", cancellationToken).ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand("SELECT component, version FROM schema_versions", connection);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    found[reader.GetString(0)] = reader.GetInt32(1);
                }
            }
        }

        foreach (var (component, reads) in PostgresStore.SchemaVersions)
        {
            // A component not there yet (a store whose engine tables no host has made) is read as the library reads it.
            if (!found.TryGetValue(component, out var version) || version == reads)
            {
                continue;
            }

            return version > reads
                ? $"the OneVisit case store in {display} is at schema version {version} ({component}), newer than this onevisit reads ({reads}); use a newer onevisit to read it."
                : $"the OneVisit case store in {display} is at schema version {version} ({component}), older than this onevisit reads ({reads}); start a OneVisit host of this version on it once to upgrade it (inspecting never migrates).";
        }

        return null;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
