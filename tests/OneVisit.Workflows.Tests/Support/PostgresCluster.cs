using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace OneVisit.Workflows.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster started from this machine's PostgreSQL binaries, as Testcontainers would start one
/// without Docker: <c>initdb</c> into a temporary folder, <c>pg_ctl start</c> on a free port that listens on
/// 127.0.0.1 only, with trust authentication for its one superuser; stopped (<c>pg_ctl stop -m immediate</c>) and
/// deleted on dispose. PostgreSQL refuses to run as root, so as root (CI) the binaries run as the <c>postgres</c>
/// user, in a folder that user owns. Durability is turned off (fsync, synchronous commit, full-page writes): nothing
/// in it outlives the test run. Tests never mock PostgreSQL; when it cannot start, <see cref="StartAsync(CancellationToken)"/>
/// throws <see cref="PostgresUnavailableException"/>, which says what to install.
/// </summary>
/// <remarks>
/// In this project's Support folder, not tests/Shared: every project that links tests/Shared/*.cs would need Npgsql.
/// A project that needs a cluster later (the CLI tests, a multi-node host) links this file, as the crash host links
/// Support/Roleplay.cs.
/// </remarks>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed partial class PostgresCluster : IAsyncDisposable
{
    /// <summary>The one superuser, created by <c>initdb -U</c>, that every connection uses.</summary>
    public const string Superuser = "onevisit";

    /// <summary>Where Debian and Ubuntu put each PostgreSQL version's binaries: /usr/lib/postgresql/&lt;major&gt;/bin.</summary>
    public const string DebianRoot = "/usr/lib/postgresql";

    private const string InstallHint =
        "Install PostgreSQL's server binaries: 'sudo apt-get install postgresql' (or 'postgresql-15'; any version from 15 on), "
        + "which puts initdb and pg_ctl under /usr/lib/postgresql/<version>/bin. 'dotnet test OneVisit.sln' does this itself "
        + "through .ci/prerequisites when apt-get can run as root; elsewhere, put initdb on PATH.";

    private const string FolderPrefix = "onevisit-pg-";
    private const string OwnerFile = "owner.pid";

    private readonly string _folder;
    private readonly string _pgCtl;
    private readonly string? _runAs;
    private int _disposed;

    private PostgresCluster(string binFolder, string folder, string? runAs, int port)
    {
        BinFolder = binFolder;
        _folder = folder;
        _runAs = runAs;
        _pgCtl = Path.Combine(binFolder, "pg_ctl");
        Port = port;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = IPAddress.Loopback.ToString(),
            Port = port,
            Username = Superuser,
            Database = "postgres",
            // Pools are per connection string, and the tests make a database each: keep idle connections few.
            MaxPoolSize = 20,
        }.ConnectionString;
    }

    /// <summary>The folder whose <c>initdb</c> and <c>pg_ctl</c> started this cluster.</summary>
    public string BinFolder { get; }

    /// <summary>The loopback port the cluster listens on.</summary>
    public int Port { get; }

    /// <summary>The cluster's data folder, removed on dispose.</summary>
    public string DataFolder => Path.Combine(_folder, "data");

    /// <summary>
    /// The folder of the cluster's Unix-domain socket (<c>unix_socket_directories</c>): a connection string whose
    /// <c>Host</c> is this folder talks to the server without TCP, as a client on the database's own machine would.
    /// </summary>
    public string SocketFolder => _folder;

    /// <summary>To the <c>postgres</c> maintenance database, as the superuser; tests use <see cref="CreateDatabaseAsync"/>.</summary>
    public string ConnectionString { get; }

    /// <summary>Starts a new cluster from the newest PostgreSQL found on this machine.</summary>
    public static Task<PostgresCluster> StartAsync(CancellationToken cancellationToken) => StartAsync(binFolder: null, cancellationToken);

    /// <summary>
    /// Starts a new cluster from <paramref name="binFolder"/>, or, when null, from the newest PostgreSQL found: the
    /// folder in ONEVISIT_POSTGRES_BIN, else the newest /usr/lib/postgresql/&lt;major&gt;/bin with an initdb, else the
    /// folder of an initdb on PATH. Each call starts its own cluster on its own port; a test run shares one through
    /// <see cref="PostgresClusterFixture"/>.
    /// </summary>
    /// <exception cref="PostgresUnavailableException">No PostgreSQL, or it did not start; the message says what was tried and what to install.</exception>
    public static async Task<PostgresCluster> StartAsync(string? binFolder, CancellationToken cancellationToken)
    {
        var tried = new StringBuilder();
        var bin = binFolder ?? FindBinFolder(tried);
        if (bin is null || !File.Exists(Path.Combine(bin, "initdb")) || !File.Exists(Path.Combine(bin, "pg_ctl")))
        {
            if (bin is not null)
            {
                tried.AppendLine(CultureInfo.InvariantCulture, $"- {bin}: no initdb and pg_ctl there.");
            }

            throw new PostgresUnavailableException($"No PostgreSQL server binaries found.\nLooked in:\n{tried}{InstallHint}");
        }

        // Environment.IsPrivilegedProcess: effective user id 0 on Unix.
        var runAs = Environment.IsPrivilegedProcess ? "postgres" : null;
        await StopOrphansAsync(bin, runAs);
        var folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        try
        {
            // Whose cluster this is: a later run stops it if this process dies without stopping it (kill -9).
            await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
            if (runAs is not null)
            {
                // The postgres user must reach its folder (temp folders are created 0700) and own it.
                File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                    | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
                var chown = await RunAsync("chown", [runAs, folder], runAs: null, folder, cancellationToken);
                tried.AppendLine(chown.Describe());
                if (chown.ExitCode != 0)
                {
                    throw Unavailable(bin, tried, folder, $"Could not give {folder} to the '{runAs}' user (PostgreSQL refuses to run as root).");
                }
            }

            var data = Path.Combine(folder, "data");
            var initdb = await RunAsync(
                Path.Combine(bin, "initdb"),
                ["-D", data, "--auth=trust", "-U", Superuser, "--encoding=UTF8", "--locale=C", "--no-sync"],
                runAs, folder, cancellationToken);
            tried.AppendLine(initdb.Describe());
            if (initdb.ExitCode != 0)
            {
                throw Unavailable(bin, tried, folder, "initdb failed.");
            }

            // Settings appended to postgresql.conf win over initdb's; no shell quoting, unlike pg_ctl -o.
            // Written by whoever runs the tests (root may write the postgres user's file; it stays theirs).
            await File.AppendAllTextAsync(Path.Combine(data, "postgresql.conf"), $"""

                # A throwaway cluster for OneVisit's tests (tests/OneVisit.Workflows.Tests/Support/PostgresCluster.cs).
                listen_addresses = '127.0.0.1'
                unix_socket_directories = '{folder}'
                fsync = off
                synchronous_commit = off
                full_page_writes = off
                max_connections = 200
                shared_buffers = 32MB
                log_min_messages = warning
                """, cancellationToken);

            // A free port: what the kernel gives a listener on port 0, released for PostgreSQL to take. Another
            // process may take it in between; then the server cannot bind, and a next port is tried.
            for (var attempt = 1; ; attempt++)
            {
                var port = FreeLoopbackPort();
                var log = Path.Combine(folder, "server.log");
                var start = await RunAsync(
                    Path.Combine(bin, "pg_ctl"),
                    ["-D", data, "-l", log, "-w", "-t", "60", "-o", $"-p {port}", "start"],
                    runAs, folder, cancellationToken);
                tried.AppendLine(start.Describe());
                if (start.ExitCode == 0)
                {
                    var cluster = new PostgresCluster(bin, folder, runAs, port);
                    AppDomain.CurrentDomain.ProcessExit += cluster.StopOnExit;
                    return cluster;
                }

                if (attempt < 3 && ReadTail(log).Contains("could not bind", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                throw Unavailable(bin, tried, folder, $"pg_ctl start on port {port} failed.");
            }
        }
        catch
        {
            // Whatever started is stopped, whatever was written removed: a failed start leaves nothing behind.
            await StopAsync(Path.Combine(bin, "pg_ctl"), folder, runAs);
            DeleteFolder(folder);
            throw;
        }
    }

    /// <summary>
    /// Creates the database <paramref name="name"/> (letters, digits and underscores, up to 63) and returns a
    /// connection string to it.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a plain database name (a letter or _, then letters, digits or _, at most 63).", nameof(name));
        }

        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Stops the server at once (no checkpoint: nothing in it is kept) and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        NpgsqlConnection.ClearAllPools();
        await StopAsync(_pgCtl, _folder, _runAs);
        DeleteFolder(_folder);
    }

    // A run that ends without disposing (a fixture that never got to DisposeAsync) still stops its server.
    private void StopOnExit(object? sender, EventArgs e)
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            StopAsync(_pgCtl, _folder, _runAs).GetAwaiter().GetResult();
            DeleteFolder(_folder);
        }
    }

    private static async Task StopAsync(string pgCtl, string folder, string? runAs)
    {
        var data = Path.Combine(folder, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            await RunAsync(pgCtl, ["-D", data, "-m", "immediate", "-w", "stop"], runAs, folder, CancellationToken.None);
        }
    }

    /// <summary>
    /// Stops and deletes the clusters of test processes that are gone: a host killed mid-run never disposes its
    /// cluster, and its server would run on until the machine stops.
    /// </summary>
    private static async Task StopOrphansAsync(string bin, string? runAs)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            if (!int.TryParse(ReadOwner(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var owner) || IsRunning(owner))
            {
                continue;
            }

            await StopAsync(Path.Combine(bin, "pg_ctl"), folder, runAs);
            DeleteFolder(folder);
        }
    }

    private static string? ReadOwner(string folder)
    {
        try
        {
            return File.ReadAllText(Path.Combine(folder, OwnerFile)).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private static string? FindBinFolder(StringBuilder tried)
    {
        if (Environment.GetEnvironmentVariable("ONEVISIT_POSTGRES_BIN") is { Length: > 0 } configured)
        {
            tried.AppendLine(CultureInfo.InvariantCulture, $"- ONEVISIT_POSTGRES_BIN={configured}");
            return configured;
        }

        tried.AppendLine(CultureInfo.InvariantCulture, $"- {DebianRoot}/<version>/bin (Debian's layout)");
        var newest = (Directory.Exists(DebianRoot) ? Directory.GetDirectories(DebianRoot) : [])
            .Select(d => (Folder: Path.Combine(d, "bin"), Version: decimal.TryParse(Path.GetFileName(d), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : -1))
            .Where(c => c.Version >= 0 && File.Exists(Path.Combine(c.Folder, "initdb")))
            .OrderByDescending(c => c.Version)
            .Select(c => c.Folder)
            .FirstOrDefault();
        if (newest is not null)
        {
            return newest;
        }

        tried.AppendLine("- initdb on PATH");
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")));
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static PostgresUnavailableException Unavailable(string bin, StringBuilder tried, string folder, string what)
    {
        var log = ReadTail(Path.Combine(folder, "server.log"));
        return new PostgresUnavailableException(
            $"PostgreSQL from {bin} did not start: {what}\nWhat ran:\n{tried}"
            + (log.Length > 0 ? $"Server log (last lines):\n{log}\n" : "")
            + InstallHint);
    }

    private static string ReadTail(string log)
    {
        try
        {
            var lines = File.ReadAllLines(log);
            return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 20)));
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static async Task<Ran> RunAsync(string program, IReadOnlyList<string> arguments, string? runAs, string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(runAs is null ? program : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            // The postgres user may not reach the test's own folder; messages in English, whatever the locale.
            WorkingDirectory = workingDirectory,
        };
        start.Environment["LC_ALL"] = "C";
        if (runAs is not null)
        {
            foreach (var argument in new[] { "-u", runAs, "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var line = string.Join(' ', start.ArgumentList.Prepend(start.FileName));
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {line}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new Ran(line, -1, e.Message);
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return new Ran(line, process.ExitCode, (await output + await error).Trim());
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();

    private sealed record Ran(string CommandLine, int ExitCode, string Output)
    {
        public string Describe() =>
            $"$ {CommandLine}\n  exit {ExitCode}" + (Output.Length > 0 ? "\n  " + Output.Replace("\n", "\n  ", StringComparison.Ordinal) : "");
    }
}

/// <summary>PostgreSQL could not be started for the tests; the message says what was tried and what to install.</summary>
internal sealed class PostgresUnavailableException(string message) : InvalidOperationException(message);
