using System.CommandLine;

namespace OneVisit.Cli.Common;

/// <summary>Which case store a command inspects: a SQLite file, or a PostgreSQL database (its connection string as given).</summary>
/// <param name="Value">The file's path, or the connection string (with its password, if it has one: never print it).</param>
/// <param name="IsPostgres">Whether it names a PostgreSQL database.</param>
/// <param name="Source">Where it was given (<c>--db</c>, <c>--pg</c>, the variable, the demo), for error lines.</param>
internal sealed record StoreTarget(string Value, bool IsPostgres, string Source);

/// <summary>
/// The options that name the case store, the same on every command that reads one (<c>cases list|show</c>,
/// <c>audit verify|who-looked</c>): <c>--db</c> (a file, or a PostgreSQL connection string), <c>--pg</c> (a
/// connection string), else <see cref="Variable"/>, else the newest demo store.
/// </summary>
internal sealed record StoreSource(Option<string?> Database, Option<string?> Postgres)
{
    /// <summary>
    /// A connection string read when neither option is given: it stays out of the process list and the shell's history,
    /// as <c>--pg</c> with a password would not.
    /// </summary>
    public const string Variable = "ONEVISIT_PG";

    public static StoreSource Create() => new(
        new Option<string?>("--db")
        {
            Description = "The case store: a SQLite file (a host's UseSqlite database), or a PostgreSQL connection string (one with Host=…, as --pg). "
                + $"By default {Variable} if set, else the newest demo store (the temp folder's onevisit-demo), the one the last 'onevisit demo' made.",
            HelpName = "file|connection",
        },
        new Option<string?>("--pg")
        {
            Description = "A PostgreSQL case store (a host's UsePostgreSql database), as an Npgsql connection string: Host=…;Database=…;Username=…. "
                + $"Read-only at the server: nothing is created, migrated or written. Keep the password off the command line: set {Variable} to the "
                + "connection string instead of passing --pg, or leave Password= out and use PGPASSWORD or ~/.pgpass.",
            HelpName = "connection",
        });

    public void AddTo(Command command)
    {
        command.Add(Database);
        command.Add(Postgres);
        command.Validators.Add(result =>
        {
            if (result.GetResult(Database) is { Implicit: false } && result.GetResult(Postgres) is { Implicit: false })
            {
                result.AddError("--db and --pg both name the case store: pass one (--pg for a PostgreSQL connection string, --db for a SQLite file).");
            }
        });
    }

    /// <summary>The store asked for, or null when none was given, <see cref="Variable"/> is unset and no demo has made one.</summary>
    public StoreTarget? Resolve(ParseResult parsed) =>
        Resolve(parsed.GetValue(Database), parsed.GetValue(Postgres), Environment.GetEnvironmentVariable(Variable), DemoStores.Newest);

    /// <summary>The choice itself, apart from the process's environment and the temp folder.</summary>
    public static StoreTarget? Resolve(string? database, string? postgres, string? variable, Func<string?> newestDemo)
    {
        if (postgres is not null)
        {
            return new(postgres, IsPostgres: true, "--pg");
        }

        if (database is not null)
        {
            return new(database, PostgresStore.LooksLikeConnectionString(database), "--db");
        }

        if (!string.IsNullOrWhiteSpace(variable))
        {
            return new(variable, IsPostgres: true, Variable);
        }

        return newestDemo() is { } demo ? new(demo, IsPostgres: false, "the newest demo store") : null;
    }
}
