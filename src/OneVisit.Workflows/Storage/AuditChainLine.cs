using OneVisit.Workflows.Audit;

namespace OneVisit.Workflows.Storage;

/// <summary>One audit line as stored, with its place in its case's chain, for verification.</summary>
/// <param name="Entry">The line's content.</param>
/// <param name="ChainIndex">Its position in the case's chain (0, 1, 2…); null when it was written unchained.</param>
/// <param name="Hash">Its stored hash (see <see cref="AuditSeal"/>); null when it has none.</param>
/// <param name="Mac">Its stored HMAC; null when it was written without a key.</param>
/// <param name="WrittenBeforeChaining">
/// True when the line is older than the store's chaining (written before its schema chained lines): only such a
/// line may lack a hash. A hashless line written later was put there behind the store's back.
/// </param>
internal sealed record AuditChainLine(AuditEntry Entry, long? ChainIndex, string? Hash, string? Mac, bool WrittenBeforeChaining);

/// <summary>A case's audit lines as stored: unchained ones first in append order, then the chain by index.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Started">True when the case's index row says it started: it then has at least its first line.</param>
/// <param name="Lines">The lines.</param>
internal sealed record AuditChain(string CaseId, bool Started, IReadOnlyList<AuditChainLine> Lines);
