using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>
/// A bundle's flows: one member's result passed on as another's material. Each is checked against the members'
/// declarations where it is written; the graph they make is checked once all are read.
/// </summary>
internal sealed partial class BundleReader
{
    /// <summary>
    /// One flow added to an existing bundle (a reform's add_flow), checked as if written in its file: against its
    /// members, and with its flows for cycles and materials fed twice. Null unless it is exactly one flow target.
    /// </summary>
    public List<BundleFlow>? ReadFlowsFor(Bundle bundle, YNode node)
    {
        foreach (var member in bundle.Members)
        {
            _members[member.ProcedureCode] = (member, node);
        }

        var flows = ReadFlow(node, bundle.Delivery);
        if (flows.Count != 1)
        {
            if (flows.Count > 1)
            {
                context.Error(DiagnosticCodes.WrongShape, node, "add_flow adds one flow to one material: write one 'to' target per add_flow.");
            }

            return null;
        }

        // Not CheckUnfed: what the bundle already leaves unfed was reported at its own file, not at this reform.
        var errors = context.Diagnostics.ErrorCount;
        CheckCycles([.. bundle.Flows, .. flows]);
        CheckFedTwice([.. bundle.Flows, .. flows]);
        return context.Diagnostics.ErrorCount == errors ? flows : null;
    }

    /// <summary>One flow entry; each of its <c>to</c> targets becomes one <see cref="BundleFlow"/>.</summary>
    private List<BundleFlow> ReadFlow(YNode node, BundleDelivery delivery)
    {
        var map = context.Mapping(node, "flow ({from, document, to, via, settles})");
        if (map is null)
        {
            _flowsComplete = false;
            return [];
        }

        var fromNode = map.Required("from");
        var from = fromNode is null ? null : context.String(fromNode, "from");
        var documentNode = map.Optional("document");
        var viaNode = map.Required("via");
        var via = map.Word<FlowVia>("via");
        var targets = map.Optional("to") is { } toNode ? (toNode is YMapping ? [toNode] : context.Sequence(toNode, "targets ({procedure, material})")) : [];
        if (map.Optional("to") is null)
        {
            context.Error(DiagnosticCodes.MissingKey, map.Node, "This flow needs 'to': the members and materials it feeds, e.g. [{procedure: <code>, material: <id>}].");
        }

        var settles = ReadSettles(map.Optional("settles"));
        var fromIsMember = from is not null && IsMember(from, fromNode!, "takes its result from");
        var document = fromIsMember ? PassedDocument(from!, fromNode!, documentNode, map.Node) : Document(documentNode);
        map.Finish();
        if (via == FlowVia.CitizenCarries && delivery == BundleDelivery.Unified)
        {
            context.Warning(DiagnosticCodes.CarriedFlowUnderUnifiedDelivery, viaNode!,
                $"This flow is carried by the citizen, but the bundle delivers all results together at the end (delivery: unified), so the citizen has nothing to carry until every member is done. Pass it on with e_licence or push, or deliver per_member.");
        }

        var flows = new List<BundleFlow>();
        foreach (var target in targets)
        {
            if (ReadTarget(target, document) is { } to && from is not null && document is not null && via is not null)
            {
                flows.Add(new BundleFlow(from, document, to.Procedure, to.Material, via.Value, context.At(target)) { Settles = settles });
            }
        }

        _flowsComplete &= flows.Count == targets.Count && targets.Count > 0;

        return flows;
    }

    /// <summary>
    /// <c>settles</c>: yes/no facts the result makes true for the members it feeds, so a condition such as "has a
    /// business licence" is judged as it will be once the issuing member is done.
    /// </summary>
    private List<string> ReadSettles(YNode? node)
    {
        var settles = new List<string>();
        foreach (var item in node is null ? [] : context.Sequence(node, "facts (entity.field)"))
        {
            if (context.String(item, "fact") is not { } path)
            {
                continue;
            }

            if (facts.Find(path) is not { } fact)
            {
                context.UnknownFact(item, path, facts);
            }
            else if (fact.Type.Kind != Expressions.FactKind.Bool)
            {
                context.Error(DiagnosticCodes.FlowSettlesWrongFact, item,
                    $"'{path}' is a {fact.Type.Kind.ToString().ToLowerInvariant()} fact; a result can only settle yes/no facts (it makes them true). Name a yes/no fact, such as 'enterprise.has_business_licence'.");
            }
            else if (!settles.Contains(path, StringComparer.Ordinal))
            {
                settles.Add(path);
            }
        }

        return settles;
    }

    private (string Procedure, string Material)? ReadTarget(YNode node, string? document)
    {
        var map = context.Mapping(node, "flow target ({procedure, material})");
        if (map is null)
        {
            return null;
        }

        var procedureNode = map.Required("procedure");
        var code = map.String("procedure");
        var materialNode = map.Required("material");
        var material = map.Identifier("material");
        map.Finish();
        if (code is null || material is null || !IsMember(code, procedureNode!, "feeds"))
        {
            return null;
        }

        if (procedures.TryGetValue(code, out var procedure))
        {
            var found = procedure.Materials.FirstOrDefault(m => m.Id == material);
            if (found is null)
            {
                context.Error(DiagnosticCodes.UnknownReference, materialNode!,
                    $"Procedure {code} has no material '{material}'.{Suggestions.DidYouMean(material, procedure.Materials.Select(m => m.Id))}{MaterialsOf(procedure, document)}");
                return null;
            }

            if (document is not null && found.DocumentId != document)
            {
                context.Error(DiagnosticCodes.FlowTypeMismatch, materialNode!,
                    $"Material '{material}' of {code} is a '{found.DocumentId}', but this flow passes on a '{document}'; a flow can only stand for a material of its own document type.{MaterialsOf(procedure, document)}");
                return null;
            }
        }

        return (code, material);
    }

    /// <summary>The document a flow passes on: the one named, which <paramref name="from"/> must produce, or its only product.</summary>
    private string? PassedDocument(string from, YNode fromNode, YNode? documentNode, YNode flowNode)
    {
        var document = Document(documentNode);
        if (!procedures.TryGetValue(from, out var procedure))
        {
            return document; // its own file has the error; the document is checked to exist at least
        }

        var produces = procedure.Produces;
        if (document is not null && !produces.Contains(document, StringComparer.Ordinal))
        {
            context.Error(DiagnosticCodes.FlowDocumentNotProduced, documentNode!, produces.Count == 0
                ? $"{from} declares nothing in 'produces', so it cannot pass on '{document}'. Add 'produces: [{document}]' to {from} if that is its result."
                : $"{from} does not produce '{document}' (it produces: {string.Join(", ", produces)}).{Suggestions.DidYouMean(document, produces)} Name one of those, or add '{document}' to its 'produces'.");
            return null;
        }

        if (document is null && produces.Count != 1)
        {
            context.Error(DiagnosticCodes.FlowDocumentNotProduced, produces.Count == 0 ? fromNode : flowNode, produces.Count == 0
                ? $"{from} declares nothing in 'produces', so this flow has no result to pass on. Add 'produces: [<document id>]' to {from}."
                : $"{from} produces several documents ({string.Join(", ", produces)}); say which one this flow passes on with 'document:'.");
            return null;
        }

        return document ?? produces[0];
    }

    /// <summary>A document id written on the flow; its existence is checked with the other references.</summary>
    private string? Document(YNode? node)
    {
        var id = node is null ? null : context.Identifier(node, "document");
        if (id is not null && !references.IsDeclared("document", id))
        {
            references.Expect("document", id, context.At(node!));
        }

        return id;
    }

    private bool IsMember(string code, YNode node, string role)
    {
        if (_members.ContainsKey(code))
        {
            return true;
        }

        if (_membersComplete)
        {
            context.Error(DiagnosticCodes.FlowEndNotMember, node,
                $"This flow {role} {code}, which is not a member of this bundle.{Suggestions.DidYouMean(code, _members.Keys)} Add it to 'members', or name a member.");
        }

        return false;
    }

    // A hint listing the materials of the target that a document could feed, when there are any.
    private static string MaterialsOf(Procedure procedure, string? document)
    {
        var fitting = document is null ? [] : procedure.Materials.Where(m => m.DocumentId == document).Select(m => m.Id).ToList();
        return fitting.Count == 0 ? string.Empty : $" Its materials of type '{document}': {string.Join(", ", fitting)}.";
    }
}
