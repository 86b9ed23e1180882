using System.Diagnostics;

namespace OneVisit.Cli.Tests.Guide.Rendering;

/// <summary>Headless Chromium, found on the PATH and run with a time limit, as the guide's rendering check needs it.</summary>
internal static class Chromium
{
    public const string InstallHint = ChromiumPath.InstallHint;

    /// <summary>The first Chromium-family browser on the PATH, or null.</summary>
    public static string? Find() => ChromiumPath.Find();

    /// <summary>
    /// Runs the browser headless on <paramref name="page"/> with a throwaway profile. Both streams are read while it
    /// runs, so a chatty browser cannot block on a full pipe; past <paramref name="timeout"/> it is killed with its children.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string executable, string page, TimeSpan timeout, params string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("onevisit-chromium-profile-");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // No sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
        foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile.FullName}", .. arguments, new Uri(page).AbsoluteUri])
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{executable} did not finish {page} within {timeout.TotalSeconds:0} s and was stopped. Its errors: {Tail(await error)}");
            }

            return (process.ExitCode, await output, await error);
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A leftover profile in the temp folder is harmless.
            }
        }
    }

    public static string Tail(string text) => text.Length <= 2_000 ? text : "…" + text[^2_000..];
}
