using Npgsql;

namespace OneVisit.Workflows.PostgreSql.Hosting;

/// <summary>Checks a connection string when it is given, not when the first case is stored.</summary>
internal static class PostgresConnectionString
{
    public static void Check(string connectionString)
    {
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException(
                $"Not a PostgreSQL connection string: {ex.Message} UsePostgreSql takes an Npgsql connection string such as "
                + "\"Host=db;Database=onevisit;Username=onevisit;Password=…\" (for a SQLite file, use UseSqlite).",
                nameof(connectionString),
                ex);
        }

        if (string.IsNullOrWhiteSpace(parsed.Host))
        {
            throw new ArgumentException(
                "The PostgreSQL connection string names no host: add Host=… (a name, an address, or a Unix socket folder such as /var/run/postgresql).",
                nameof(connectionString));
        }
    }
}
