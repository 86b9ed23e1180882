using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>
/// The graph a bundle's flows make among its members: it must not loop, each material is fed once, and a
/// document one member issues should not be asked of the citizen by another.
/// </summary>
internal sealed partial class BundleReader
{
    private void CheckGraph(List<BundleFlow> flows)
    {
        CheckCycles(flows);
        CheckFedTwice(flows);
        CheckUnfed(flows);
    }

    /// <summary>Names each loop once, in order (A → B → C → A), at the flow that closes it.</summary>
    private void CheckCycles(List<BundleFlow> flows)
    {
        var next = flows.GroupBy(f => f.FromProcedure, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var inCycle = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var member in _members.Keys)
        {
            Visit(member);
        }

        void Visit(string code)
        {
            if (done.Contains(code))
            {
                return;
            }

            path.Add(code);
            foreach (var flow in next.GetValueOrDefault(code) ?? [])
            {
                var back = path.IndexOf(flow.ToProcedure);
                if (back < 0)
                {
                    Visit(flow.ToProcedure);
                }
                else if (path.Skip(back).ToList() is var loop && !loop.Any(inCycle.Contains))
                {
                    inCycle.UnionWith(loop);
                    var cycle = string.Join(" → ", loop.Append(flow.ToProcedure));
                    context.Diagnostics.Error(DiagnosticCodes.BundleCycle, flow.Location,
                        $"The flows of this bundle loop: {cycle}. Each member would wait for its own result; remove or redirect one of these flows.");
                }
            }

            path.RemoveAt(path.Count - 1);
            done.Add(code);
        }
    }

    private void CheckFedTwice(List<BundleFlow> flows)
    {
        var first = new Dictionary<(string, string), BundleFlow>();
        foreach (var flow in flows)
        {
            if (!first.TryAdd((flow.ToProcedure, flow.ToMaterial), flow))
            {
                var earlier = first[(flow.ToProcedure, flow.ToMaterial)];
                context.Diagnostics.Warning(DiagnosticCodes.MaterialFedTwice, flow.Location,
                    $"Material '{flow.ToMaterial}' of {flow.ToProcedure} is already fed by the flow from {earlier.FromProcedure} at line {earlier.Location.Line}; one result stands for one material. Keep one of the two flows.");
            }
        }
    }

    /// <summary>
    /// A member's material that another member issues, with no flow passing it on: the citizen would be asked for a
    /// document the bundle itself produces. Not reported when the flow would make a loop, nor when a flow could not be
    /// read (it may be the one meant to feed it).
    /// </summary>
    private void CheckUnfed(List<BundleFlow> flows)
    {
        if (!_membersComplete || !_flowsComplete || _members.Keys.Any(code => !procedures.ContainsKey(code)))
        {
            return;
        }

        var fed = flows.Select(f => (f.ToProcedure, f.ToMaterial)).ToHashSet();
        foreach (var (code, (_, node)) in _members)
        {
            foreach (var material in procedures[code].Materials.Where(m => !fed.Contains((code, m.Id))))
            {
                var issuer = _members.Keys.FirstOrDefault(other => other != code
                    && procedures[other].Produces.Contains(material.DocumentId, StringComparer.Ordinal)
                    && !Reaches(flows, code, other));
                if (issuer is null)
                {
                    continue;
                }

                var document = procedures[issuer].Produces.Count > 1 ? $", document: {material.DocumentId}" : string.Empty;
                context.Warning(DiagnosticCodes.UnfedMaterial, node,
                    $"Member {code} asks for material '{material.Id}' (a '{material.DocumentId}'), which member {issuer} issues in this bundle, but no flow passes it on, so the citizen would be asked for it. Add a flow: {{from: {issuer}{document}, to: [{{procedure: {code}, material: {material.Id}}}], via: e_licence}}.");
            }
        }
    }

    private static bool Reaches(List<BundleFlow> flows, string from, string to)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var code))
        {
            if (code == to)
            {
                return true;
            }

            foreach (var flow in flows.Where(f => f.FromProcedure == code && seen.Add(f.ToProcedure)))
            {
                queue.Enqueue(flow.ToProcedure);
            }
        }

        return false;
    }
}
