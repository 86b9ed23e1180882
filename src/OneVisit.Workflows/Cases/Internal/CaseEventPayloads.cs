namespace OneVisit.Workflows.Cases.Internal;

/// <summary>Published by a durable timer on the key of the wait it ends.</summary>
/// <param name="TimerId">The timer.</param>
internal sealed record CaseTimeout(string TimerId);

/// <summary>The applicant picked the result up.</summary>
/// <param name="At">When.</param>
internal sealed record PickedUp(DateTimeOffset At)
{
    /// <summary>Who recorded the pickup (the officer handing the result over), as authorized.</summary>
    public string? By { get; init; }
}

/// <summary>
/// Published by a migration to a wait it ended: a material no longer required, or a notice with nothing left to
/// supply. The step finds the case's data already changed and goes on.
/// </summary>
/// <param name="FromVersion">The procedure version the case left.</param>
/// <param name="ToVersion">The version it moved to.</param>
internal sealed record CaseMigrated(int FromVersion, int ToVersion);

/// <summary>Published to a branch's open wait when another branch closed the case, so every branch ends.</summary>
/// <param name="Reason">Why the case closed.</param>
internal sealed record CaseClosedNotice(string Reason);
