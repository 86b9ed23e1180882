using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Catalog.Internal;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>How one applies, what needs the applicant in person and how the result comes back must not contradict each other.</summary>
internal sealed partial class ProcedureReader
{
    private void CheckChannels(MappingReader map, string? code, IReadOnlyList<Channel> channels, IReadOnlyList<ResultDelivery> delivery, IReadOnlyList<PresenceStep> presence)
    {
        var channelsNode = map.Optional("channels");
        var deliveryNode = map.Optional("result_delivery");
        var channelsRead = Complete(channelsNode, channels.Count, "channels", "way to apply (window, online, mobile, kiosk, mail)");
        var deliveryRead = Complete(deliveryNode, delivery.Count, "result_delivery", "way the result reaches the applicant (e_licence, mail, pickup, online)");
        var procedure = code is null ? "This procedure" : $"Procedure {code}";
        if (channelsRead && !channels.Any(Presence.IsRemote))
        {
            // The applicant hands in at the office anyway, so only a pickup (a later day) can still be spared.
            foreach (var step in presence.Where(s => s.RemoteAlternative is not null && s.Reason != PresenceReason.Pickup))
            {
                context.Diagnostics.Warning(DiagnosticCodes.UnusableRemoteAlternative, step.RemoteAlternative!.Location,
                    $"{procedure} can only be handed in in person (channels: {Words(channels)}), so the applicant is at the office anyway and the remote alternative of presence step '{step.Id}' can never spare a trip. Add the remote channel it relies on (online, mobile or mail) to 'channels', or remove this remote_alternative (a 'when' on the step can say when the step is not needed).");
            }
        }

        if (channelsRead && deliveryRead && delivery.All(d => d == ResultDelivery.Pickup) && !channels.Contains(Channel.Window))
        {
            context.Warning(DiagnosticCodes.PickupWithoutWindow, deliveryNode!,
                $"The result can only be collected in person (result_delivery: [pickup]), but 'channels' has no window to collect it from (channels: {Words(channels)}). Add window to 'channels', or offer mail, online or e_licence in 'result_delivery'.");
        }

        if (deliveryRead && !delivery.Contains(ResultDelivery.Pickup))
        {
            foreach (var step in presence.Where(s => s.Reason == PresenceReason.Pickup))
            {
                context.Diagnostics.Warning(DiagnosticCodes.PickupNotDelivered, step.Location,
                    $"Presence step '{step.Id}' is a pickup, but 'result_delivery' does not offer pickup (result_delivery: {Words(delivery)}), so the step can never happen. Add pickup to 'result_delivery', or remove this step.");
            }
        }
    }

    // Whether every item of a required list was read: an empty list is an error, and a list with an unreadable
    // word (already reported) is not judged, so that no warning rests on a misspelling.
    private bool Complete(YNode? node, int read, string key, string what)
    {
        if (node is not YSequence sequence)
        {
            return false;
        }

        if (sequence.Items.Count == 0)
        {
            context.Error(DiagnosticCodes.MissingKey, node, $"'{key}' is empty: list at least one {what}.");
            return false;
        }

        return read == sequence.Items.Count;
    }

    private static string Words<TEnum>(IReadOnlyList<TEnum> values)
        where TEnum : struct, Enum => values.Count == 0 ? "[]" : $"[{string.Join(", ", values.Select(CatalogWords.Of))}]";
}
