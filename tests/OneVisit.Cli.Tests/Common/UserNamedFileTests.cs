using System.Diagnostics;

namespace OneVisit.Cli.Tests.Common;

/// <summary>
/// Every file a user names is looked at before it is read: a FIFO would hang the command, /dev/zero would run it
/// out of memory, and a huge file is not an application. Each is refused at once with exit 64.
/// </summary>
/// <remarks>FIFOs and /dev/zero are Linux's, where CI runs.</remarks>
public sealed class UserNamedFileTests
{
    private static readonly string Catalogue = RepositoryRoot.SampleCatalogue;

    [Fact]
    public async Task Precheck_ApplicationIsDevZero_RefusedWithoutReading()
    {
        var (exit, output, error) = await RunWithinAsync(["precheck", Catalogue, "--application", "/dev/zero"]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Empty(output);
        Assert.Contains("onevisit precheck: /dev/zero is a character device, not an application file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Precheck_ApplicationIsAFifo_RefusedInsteadOfWaitingForAWriter()
    {
        using var folder = new TempFolder();
        var fifo = MakeFifo(folder.Path);

        var (exit, _, error) = await RunWithinAsync(["precheck", Catalogue, "--application", fifo], fifo);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"{fifo} is a named pipe (FIFO), not an application file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Precheck_ApplicationIsAFolder_SaysSo()
    {
        using var folder = new TempFolder();

        var (exit, _, error) = await RunWithinAsync(["precheck", Catalogue, "--application", folder.Path]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"{folder.Path} is a folder, not an application file.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Precheck_ApplicationAboveOneMiB_RefusedWithTheLimit()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "big.yaml");
        File.WriteAllText(file, new string('#', (1 << 20) + 1));

        var (exit, _, error) = await RunWithinAsync(["precheck", Catalogue, "--application", file]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("is 1,048,577 bytes; an application file may be at most 1 MiB (1,048,576 bytes)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Precheck_ApplicationOfExactlyOneMiB_IsRead()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "comments.yaml");
        File.WriteAllText(file, new string('#', 1 << 20));

        var (exit, _, error) = await RunWithinAsync(["precheck", Catalogue, "--application", file]);

        // Read and found wanting (it names no procedure), not refused unread.
        Assert.Equal(ExitCodes.Errors, exit);
        Assert.DoesNotContain("may be at most", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guide_FactsIsDevZero_RefusedWithoutReading()
    {
        var (exit, output, error) = await RunWithinAsync(["guide", Catalogue, "330100-SC-0001", "--facts", "/dev/zero"]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Empty(output);
        Assert.Contains("onevisit guide: /dev/zero is a character device, not an application file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CasesList_DatabaseIsAFifo_RefusedInsteadOfWaiting()
    {
        using var folder = new TempFolder();
        var fifo = MakeFifo(folder.Path);

        var (exit, _, error) = await RunWithinAsync(["cases", "list", "--db", fifo], fifo);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"{fifo} is a named pipe (FIFO), not a case store", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs the command, failing (rather than hanging the suite) if it does not return within a minute. A command
    /// stuck opening <paramref name="fifo"/> is released by opening its other end.
    /// </summary>
    private static async Task<(int ExitCode, string Output, string Error)> RunWithinAsync(string[] args, string? fifo = null)
    {
        var run = Task.Run(() => Cli.Run(args));
        try
        {
            return await run.WaitAsync(TimeSpan.FromMinutes(1));
        }
        catch (TimeoutException) when (fifo is not null)
        {
            await File.WriteAllTextAsync(fifo, "");
            throw;
        }
    }

    private static string MakeFifo(string folder)
    {
        var path = Path.Combine(folder, "pipe.yaml");
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }
}
