using Microsoft.Data.Sqlite;

namespace OneVisit.Workflows.Persistence.Sqlite;

/// <summary>A write whose caller awaits a value (a row count, a flag) once the write is committed.</summary>
internal sealed class WriteRequest<T>(Func<SqliteTransaction, T> write, CancellationToken cancellationToken)
    : WriteRequest(cancellationToken)
{
    // Continuations run asynchronously so that callers never execute on (and stall) the writer loop.
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public Task<T> Task => _completion.Task;

    public override void Execute(SqliteTransaction transaction) => _result = write(transaction);

    public override void Complete() => _completion.TrySetResult(_result!);

    public override void Fail(Exception exception) => _completion.TrySetException(exception);

    public override void Cancel() => _completion.TrySetCanceled(CancellationToken);
}
