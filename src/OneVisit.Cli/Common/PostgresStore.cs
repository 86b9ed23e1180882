using System.Data.Common;
using Npgsql;

namespace OneVisit.Cli.Common;

/// <summary>
/// A PostgreSQL case store (a host's <c>UsePostgreSql</c> database) opened to be inspected: every session the CLI
/// opens is read-only at the server (<c>default_transaction_read_only</c>), so nothing is created, migrated or
/// written, whatever the library would try; and before the library reads, the database is checked to hold OneVisit's
/// tables at a schema version this build reads, so a wrong database gets one clear line, not an SQL error.
/// </summary>
internal static class PostgresStore
{
    /// <summary>The schema versions (rows of <c>schema_versions</c>) this build reads: those a host of this build migrates to.</summary>
    /// <remarks>
    /// The CLI uses the libraries' public API only (a layering test checks it) and the migrations are internal, so the
    /// versions are written here; a test starts a host of this build and fails when it writes others.
    /// </remarks>
    public static IReadOnlyDictionary<string, int> SchemaVersions { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["onevisit.cases"] = 3,
        ["workflows"] = 3,
    };

    /// <summary>
    /// Whether <paramref name="value"/> (what <c>--db</c> got) is meant as a PostgreSQL connection string: it has a
    /// <c>Host</c> or <c>Server</c> key. A file path never parses that way, so it stays SQLite.
    /// </summary>
    public static bool LooksLikeConnectionString(string value)
    {
        if (!value.Contains('=', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            // The generic parser: a typo in another key should still read as a (bad) connection string, not a file.
            var keys = new DbConnectionStringBuilder { ConnectionString = value };
            return keys.ContainsKey("Host") || keys.ContainsKey("Server");
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// Parses <paramref name="connectionString"/>, or returns null after writing why not. Npgsql's messages name the
    /// keyword at fault, never a value, so the password is not shown.
    /// </summary>
    public static NpgsqlConnectionStringBuilder? Parse(string command, string option, string connectionString, Terminal error)
    {
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            error.WriteLine($"onevisit {command}: {option} is not a PostgreSQL connection string Npgsql reads ({e.Message.TrimEnd('.')}). Write it as Host=…;Database=…;Username=… (see 'onevisit {command} --help').", ConsoleColour.Red);
            return null;
        }

        if (string.IsNullOrWhiteSpace(parsed.Host))
        {
            error.WriteLine($"onevisit {command}: the PostgreSQL connection string of {option} names no host: add Host=… (a name, an address, or a Unix socket folder).", ConsoleColour.Red);
            return null;
        }

        return parsed;
    }

    /// <summary>
    /// The connection string the CLI's sessions use: the given one, with <c>default_transaction_read_only</c> on for
    /// every session (a startup option, so even a statement outside a transaction cannot write).
    /// </summary>
    public static string ReadOnly(NpgsqlConnectionStringBuilder given)
    {
        var readOnly = new NpgsqlConnectionStringBuilder(given.ConnectionString);
        readOnly.Options = $"{readOnly.Options} -c default_transaction_read_only=on".TrimStart();
        if (string.IsNullOrEmpty(readOnly.ApplicationName))
        {
            // pg_stat_activity then says who holds the connection.
            readOnly.ApplicationName = "onevisit cli (read-only)";
        }

        return readOnly.ConnectionString;
    }

    /// <summary>The connection string without its password, quoted for a shell: what the CLI prints and suggests for --db.</summary>
    public static string Display(NpgsqlConnectionStringBuilder given)
    {
        var shown = new NpgsqlConnectionStringBuilder(given.ConnectionString);
        shown.Remove("Password");
        return $"'{shown.ConnectionString.Replace("'", "'\\''", StringComparison.Ordinal)}'";
    }

    /// <summary>Where the connection goes, for error lines: host, port, database and user, never the password.</summary>
    public static string Where(NpgsqlConnectionStringBuilder given)
    {
        // Npgsql's defaults: the user from PGUSER, else this machine's; the database named as the user.
        var user = given.Username ?? Environment.GetEnvironmentVariable("PGUSER") ?? Environment.UserName;
        return $"PostgreSQL at {given.Host}:{given.Port}, database '{given.Database ?? user}' as user '{user}'";
    }
}
