using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>The expectations only a bundle case has: members, and materials by document (and party).</summary>
internal sealed partial class PolicyTestReader
{
    /// <summary><c>members</c>: procedure code → included | undecided | excluded | left_out | refused | stopped.</summary>
    private Dictionary<string, MemberInclusion> ReadMembers(YNode? node, string? bundleCode)
    {
        var members = new Dictionary<string, MemberInclusion>(StringComparer.Ordinal);
        if (context.Mapping(node, "set of member statuses (procedure code: status)") is not { } statuses)
        {
            return members;
        }

        var bundle = bundleCode is null ? null : bundles.GetValueOrDefault(bundleCode);
        foreach (var (key, value) in statuses.Entries)
        {
            if (bundle is not null && !bundle.Members.Any(m => m.ProcedureCode == key.Value))
            {
                context.Error(DiagnosticCodes.UnknownReference, key,
                    $"{key.Value} is not a member of bundle {bundle.Code}.{Suggestions.DidYouMean(key.Value, bundle.Members.Select(m => m.ProcedureCode))}");
            }

            if (context.Word<MemberInclusion>(value, "member status") is { } status)
            {
                members[key.Value] = status;
            }
        }

        return members;
    }

    /// <summary>
    /// <c>materials</c> of a bundle: one per document, <c>document@party</c> for a party's own, as the matter lists
    /// them. Each must be something a member asks for.
    /// </summary>
    private Dictionary<string, MaterialStatus> ReadBundleMaterials(YNode? node, string bundleCode)
    {
        var materials = new Dictionary<string, MaterialStatus>(StringComparer.Ordinal);
        if (context.Mapping(node, "set of material statuses (document id, or document@party: status)") is not { } statuses)
        {
            return materials;
        }

        var asked = bundles.GetValueOrDefault(bundleCode) is { } bundle ? AskedFor(bundle) : null;
        foreach (var (key, value) in statuses.Entries)
        {
            CheckBundleMaterial(key, asked);
            if (context.Word<MaterialStatus>(value, "material status") is { } status)
            {
                materials[key.Value] = status;
            }
        }

        return materials;
    }

    private void CheckBundleMaterial(YScalar key, HashSet<string>? asked)
    {
        var parts = key.Value.Split('@');
        if (parts.Length > 2 || parts.Any(p => p.Length == 0))
        {
            context.Error(DiagnosticCodes.InvalidValue, key,
                $"'{key.Value}' is not a material of a bundle: write the document id (resident_id_card), or document@party for a party's own (resident_id_card@mother).");
            return;
        }

        var (document, party) = (parts[0], parts.Length == 2 ? parts[1] : null);
        var known = references.IsDeclared("document", document) && (party is null || references.IsDeclared("party", party));
        if (!known)
        {
            // Reported with the nearest declared id once everything is read.
            references.Expect("document", document, context.At(key));
            if (party is not null)
            {
                references.Expect("party", party, context.At(key));
            }
        }
        else if (asked is not null && !asked.Contains(key.Value))
        {
            context.Error(DiagnosticCodes.UnknownReference, key,
                $"No member of the bundle asks for '{key.Value}'.{Suggestions.DidYouMean(key.Value, asked)} The members ask for: {string.Join(", ", asked.Order(StringComparer.Ordinal))}.");
        }
    }

    /// <summary>What the bundle's members ask for, written as a bundle case names it.</summary>
    private HashSet<string> AskedFor(Bundle bundle) =>
    [
        .. bundle.Members
            .Select(m => procedures.GetValueOrDefault(m.ProcedureCode))
            .OfType<Procedure>()
            .SelectMany(p => p.Materials)
            .Select(m => m.Party is null ? m.DocumentId : $"{m.DocumentId}@{m.Party}"),
    ];

    /// <summary>False, with an error at the key, when a bundle case names a key only a procedure case has.</summary>
    private bool ProcedureOnly(MappingReader map, bool isBundle, string key, string why)
    {
        if (isBundle && map.Optional(key) is not null)
        {
            context.Error(DiagnosticCodes.InvalidValue, KeyNode(map, key), $"A bundle case cannot expect '{key}': {why}.");
            return false;
        }

        return true;
    }

    /// <summary>False, with an error at the key, when a procedure case names a key only a bundle case has.</summary>
    private bool BundleOnly(MappingReader map, bool isBundle, string key)
    {
        if (!isBundle && map.Optional(key) is not null)
        {
            context.Error(DiagnosticCodes.InvalidValue, KeyNode(map, key), $"'{key}' is for a bundle case; this case tests a procedure. Remove it, or test the 'bundle'.");
            return false;
        }

        return true;
    }

    private static YScalar KeyNode(MappingReader map, string key) => map.Entries.First(e => e.Key.Value == key).Key;
}
