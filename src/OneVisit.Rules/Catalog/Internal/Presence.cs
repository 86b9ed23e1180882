namespace OneVisit.Rules.Catalog.Internal;

/// <summary>
/// What the model itself says about being there in person. Kept with the model because the loader's checks, the
/// precheck's visit planner and the service guide must all read a procedure's channels the same way.
/// </summary>
internal static class Presence
{
    /// <summary>The id of the step the planner adds when the application is handed in in person.</summary>
    public const string HandInId = "hand_in";

    /// <summary>The id of the pickup a result that can only be collected implies.</summary>
    public const string ImpliedPickupId = "result_pickup";

    /// <summary>Online, mobile and mail reach the office without the applicant; a window or a kiosk needs them there.</summary>
    public static bool IsRemote(Channel channel) => channel is Channel.Online or Channel.Mobile or Channel.Mail;
}
