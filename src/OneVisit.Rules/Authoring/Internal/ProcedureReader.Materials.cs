using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>The parts of a procedure that decide visits: materials with their exemptions, and presence steps.</summary>
internal sealed partial class ProcedureReader
{
    private Material? ReadMaterial(YNode node, string scope, IReadOnlyList<string> parties)
    {
        var map = context.Mapping(node, "material");
        if (map is null)
        {
            return null;
        }

        var id = map.Identifier("id", required: true);
        var document = map.Reference("document", "document", references, required: true, identifier: true);

        var requiredWhen = Condition(map, "required_when");
        var copies = map.Integer("copies", 1, 100) ?? 1;
        var form = map.Word<MaterialForm>("form") ?? MaterialForm.Original;
        var exemptions = map.List("exemptions", ReadExemption);
        var versions = map.List("form_versions", v => FormVersion(v, document));
        var party = Party(map, parties, "material", id);
        map.Finish();
        return id is null || document is null || !Declare("material", id, map, scope)
            ? null
            : new Material(id, document, requiredWhen, copies, form, exemptions, versions, context.At(map.Node)) { Party = party };
    }

    private string? FormVersion(YNode node, string? document)
    {
        var version = context.String(node, "form version");
        if (version is not null && document is not null)
        {
            references.Expect("form version", version, context.At(node), scope: document);
        }

        return version;
    }

    /// <summary>One exemption; a reform's add_exemption reads its own with this too.</summary>
    internal Exemption? ReadExemption(YNode node)
    {
        var map = context.Mapping(node, "exemption");
        if (map is null)
        {
            return null;
        }

        var kind = map.Word<ExemptionKind>("kind", required: true);
        var when = Condition(map, "when");
        var deadline = map.Integer("deadline_working_days", 1, MaxDays, required: kind == ExemptionKind.AcceptWithGap);
        var verify = map.Integer("verify_within_days", 1, MaxDays);
        var onMissed = OnMissed(map);
        map.Finish();
        if (deadline is not null && kind is not ExemptionKind.AcceptWithGap)
        {
            context.Warning(DiagnosticCodes.UnknownKey, map.Optional("deadline_working_days")!, "'deadline_working_days' only applies to accept_with_gap, so it is ignored here.");
        }

        if (verify is not null && kind is not ExemptionKind.Commitment)
        {
            context.Warning(DiagnosticCodes.UnknownKey, map.Optional("verify_within_days")!, "'verify_within_days' only applies to a commitment, so it is ignored here.");
        }

        if (onMissed is not null && kind is not ExemptionKind.AcceptWithGap)
        {
            context.Warning(DiagnosticCodes.UnknownKey, map.Optional("on_missed")!, "'on_missed' only applies to accept_with_gap, so it is ignored here.");
        }

        return kind is null ? null : new Exemption(kind.Value, when, deadline, verify, context.At(map.Node)) { OnMissed = onMissed ?? MissedDeadline.Withdraw };
    }

    private PresenceStep? ReadPresence(YNode node, string scope, IReadOnlyList<string> parties)
    {
        var map = context.Mapping(node, "presence step");
        if (map is null)
        {
            return null;
        }

        var id = map.Identifier("id", required: true);
        var reason = map.Word<PresenceReason>("reason", required: true);
        var when = Condition(map, "when");
        var why = map.Text("why");
        var alternative = map.Optional("remote_alternative") is { } remote ? ReadRemoteAlternative(remote) : null;

        var party = Party(map, parties, "presence step", id);
        map.Finish();
        return id is null || reason is null || !Declare("presence step", id, map, scope)
            ? null
            : new PresenceStep(id, reason.Value, when, why, alternative, context.At(map.Node)) { Party = party };
    }

    /// <summary>A remote alternative to a presence step; a reform's add_remote_alternative reads its own with this too.</summary>
    internal RemoteAlternative? ReadRemoteAlternative(YNode node)
    {
        if (context.Mapping(node, "remote alternative") is not { } remote)
        {
            return null;
        }

        var description = remote.Text("description", required: true);
        var when = Condition(remote, "when");
        remote.Finish();
        return description is null ? null : new RemoteAlternative(description, when, context.At(remote.Node));
    }
}
