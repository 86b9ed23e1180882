using Npgsql;
using OneVisit.Workflows.Evidence;

namespace OneVisit.Workflows.ClusterNode;

/// <summary>
/// A simulated department shared by every node: each request it receives is logged to <c>test_department_log</c> in
/// the cluster's own database (committed before it "acts", so a node killed a moment later still leaves the line),
/// and answered after a latency that keeps requests in flight. A silent department logs and never answers, so the
/// case's evidence timeout is what moves it on.
/// </summary>
internal sealed class LoggedDepartment(NpgsqlDataSource database, string node, TimeSpan latency, bool silent) : IEvidenceProvider
{
    public const string CreateLog = """
        CREATE TABLE IF NOT EXISTS test_department_log (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            idempotency_key text NOT NULL,
            node text NOT NULL,
            at timestamptz NOT NULL DEFAULT clock_timestamp()
        )
        """;

    public async Task<EvidenceResponse> RequestAsync(EvidenceRequest request, CancellationToken cancellationToken)
    {
        await using (var log = database.CreateCommand("INSERT INTO test_department_log (idempotency_key, node) VALUES (@key, @node)"))
        {
            log.Parameters.AddWithValue("key", request.IdempotencyKey);
            log.Parameters.AddWithValue("node", node);
            await log.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (silent)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }

        await Task.Delay(latency, cancellationToken).ConfigureAwait(false);
        return EvidenceResponse.Issued($"DOC-{request.IdempotencyKey}");
    }
}
