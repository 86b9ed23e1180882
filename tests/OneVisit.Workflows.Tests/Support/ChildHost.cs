using System.Diagnostics;
using System.Globalization;

namespace OneVisit.Workflows.Tests.Support;

/// <summary>A child process whose output is read as it comes (both pipes, so neither fills and blocks it).</summary>
internal sealed class ChildHost : IDisposable
{
    private readonly System.Threading.Channels.Channel<string?> _lines = System.Threading.Channels.Channel.CreateUnbounded<string?>();
    private readonly System.Text.StringBuilder _output = new();
    private readonly System.Text.StringBuilder _errors = new();

    public ChildHost(Process process)
    {
        Process = process;
        process.OutputDataReceived += (_, e) =>
        {
            lock (_output)
            {
                _output.AppendLine(e.Data);
            }

            _lines.Writer.TryWrite(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Process Process { get; }

    /// <summary>
    /// Starts the crash host (tests/OneVisit.Workflows.CrashHost) on <paramref name="database"/> (a SQLite file, or
    /// "postgres:" and a connection string: see <see cref="CrashStore.HostArgument"/>); with
    /// <paramref name="bundles"/> it submits birth bundles instead of single cases.
    /// </summary>
    /// <param name="decisionLimit">In bundle mode, the decisions the host's officer makes before it idles until killed (all when null).</param>
    public static ChildHost StartCrashHost(string database, string departmentLog, int count, int departmentLatencyMs, bool bundles = false, int? decisionLimit = null)
    {
        List<string> arguments = [database, departmentLog, count.ToString(CultureInfo.InvariantCulture), departmentLatencyMs.ToString(CultureInfo.InvariantCulture)];
        if (bundles)
        {
            arguments.Add("bundles");
            if (decisionLimit is { } limit)
            {
                arguments.Add(limit.ToString(CultureInfo.InvariantCulture));
            }
        }

        return Start(arguments);
    }

    /// <summary>
    /// Starts the crash host as an operator's migration of errand 1's open cases to the version <paramref name="catalogue"/>
    /// holds; with <paramref name="limit"/>, it stops after that many cases and idles until killed.
    /// </summary>
    public static ChildHost StartMigrationHost(string database, string catalogue, int? limit = null)
    {
        List<string> arguments = [database, "-", "0", "0", "migrate", catalogue];
        if (limit is { } stop)
        {
            arguments.Add(stop.ToString(CultureInfo.InvariantCulture));
        }

        return Start(arguments);
    }

    private static ChildHost Start(List<string> arguments)
    {
        // The test runs from tests/OneVisit.Workflows.Tests/bin/<configuration>/net10.0/.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var host = Path.Combine(RepositoryRoot.Path, "tests", "OneVisit.Workflows.CrashHost", "bin", configuration, "net10.0", "OneVisit.Workflows.CrashHost.dll");
        var start = new ProcessStartInfo("dotnet", [host, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return new ChildHost(Process.Start(start) ?? throw new InvalidOperationException("Could not start the crash host."));
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>The next line, or null at the end of the output.</summary>
    public async Task<string?> NextLineAsync() => await _lines.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromMinutes(1));

    public void Dispose() => Process.Dispose();
}
