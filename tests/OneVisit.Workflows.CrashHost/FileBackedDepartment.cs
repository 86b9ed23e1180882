using OneVisit.Workflows.Evidence;

namespace OneVisit.Workflows.CrashHost;

/// <summary>
/// A simulated department whose log of received requests outlives the host process, so the crash test can
/// count what was sent across kills. Each line is the key, the sending process and the time (tab-separated), so a
/// request sent too often shows by whom and when. It answers a repeated idempotency key with the first answer.
/// </summary>
internal sealed class FileBackedDepartment(string logPath, TimeSpan latency) : IEvidenceProvider
{
    private readonly object _gate = new();

    public async Task<EvidenceResponse> RequestAsync(EvidenceRequest request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            using var log = new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            using var writer = new StreamWriter(log);
            writer.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{request.IdempotencyKey}\t{Environment.ProcessId}\t{DateTimeOffset.UtcNow:HH:mm:ss.fff}"));
            writer.Flush();
            log.Flush(flushToDisk: true);
        }

        // A department's system takes a while to answer; a long latency keeps requests in flight when the host dies.
        await Task.Delay(latency, cancellationToken).ConfigureAwait(false);
        return EvidenceResponse.Issued($"DOC-{request.IdempotencyKey}");
    }
}
