namespace OneVisit.Workflows.Engine.Persistence;

/// <summary>
/// Every time is stored as UTC ticks (INTEGER) so that SQL comparisons are plain integer comparisons and
/// nothing depends on the server's time zone or on string formats.
/// </summary>
internal static class UtcTicks
{
    /// <summary>
    /// WorkflowCore hands us UTC times (and local "now" for its polls). A <see cref="DateTimeKind.Unspecified"/>
    /// value is taken as UTC already: converting it as if it were local would shift it by the machine's offset,
    /// which is what the EF providers avoid too by stamping read-back values as UTC.
    /// </summary>
    public static long From(DateTime value) =>
        value.Kind == DateTimeKind.Local ? value.ToUniversalTime().Ticks : value.Ticks;

    public static long? From(DateTime? value) => value is { } v ? From(v) : null;

    public static DateTime ToDateTime(long ticks) => new(ticks, DateTimeKind.Utc);

    public static DateTime? ToDateTime(long? ticks) => ticks is { } t ? ToDateTime(t) : null;
}
