using OneVisit.Workflows.Cases;

namespace OneVisit.Workflows.Bundles.Internal;

/// <summary>The events a bundle case waits for, and their keys: one key per wait, so each is claimed once.</summary>
internal static class BundleEventNames
{
    public const string Supplement = "onevisit.bundle.supplement";
    public const string Member = "onevisit.bundle.member";
    public const string Input = "onevisit.bundle.input";
    public const string Pickup = "onevisit.bundle.pickup";
    public const string Accepted = "onevisit.bundle.accepted";

    public static string SupplementKey(string bundleCaseId, int round) => $"{bundleCaseId}/supplement/{round}";

    /// <summary>A member case tells its bundle it ended.</summary>
    public static string MemberKey(string bundleCaseId, int member) => $"{bundleCaseId}/member/{member}";

    /// <summary>A producing member's branch tells a consuming member's branch what it delivered.</summary>
    public static string InputKey(string bundleCaseId, int consumer, int producer) => $"{bundleCaseId}/member/{consumer}/from/{producer}";

    public static string PickupKey(string bundleCaseId) => $"{bundleCaseId}/pickup";

    /// <summary>The bundle's own acceptance, which it waits for so that it is saved before any member starts.</summary>
    public static string AcceptedKey(string bundleCaseId) => $"{bundleCaseId}/accepted";
}

/// <summary>Published by the bundle to itself with its acceptance: a save point before its members start.</summary>
/// <param name="At">When it was accepted.</param>
internal sealed record BundleAccepted(DateTimeOffset At);

/// <summary>Published by a member case, in the transaction that closes it, to its bundle's branch for it.</summary>
/// <param name="CaseId">The member case.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Reason">Why.</param>
/// <param name="AuthorityId">The authority that decided it (which issued its output).</param>
/// <param name="At">When it closed.</param>
internal sealed record MemberFinished(string CaseId, CaseOutcome Outcome, string Reason, string AuthorityId, DateTimeOffset At);

/// <summary>What a member delivered to a member that consumes its output: the documents, or that none will come and why.</summary>
internal sealed record BundleInput
{
    public int From { get; init; }

    public bool Available { get; init; }

    public List<string> Documents { get; init; } = [];

    public string FromCaseId { get; init; } = "";

    public string FromAuthorityId { get; init; } = "";

    /// <summary>Why nothing comes (refused, stopped), for a member that must then stop or do without.</summary>
    public string? Reason { get; init; }

    public DateTimeOffset At { get; init; }
}
