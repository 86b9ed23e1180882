using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>Reads <c>authorities.yaml</c>: the authority tree and its intake windows.</summary>
internal static class AuthorityReader
{
    public static List<Authority> Read(FileContext context, YNode? root, References references)
    {
        var map = context.Mapping(root ?? CatalogInfoReader.EmptyAt(), "list of authorities");
        var authorities = map?.List("authorities", node => ReadAuthority(context, node, references), required: true) ?? [];
        map?.Finish();
        return authorities;
    }

    private static Authority? ReadAuthority(FileContext context, YNode node, References references)
    {
        var map = context.Mapping(node, "authority");
        if (map is null)
        {
            return null;
        }

        var id = map.Identifier("id", required: true);
        var declared = id is not null && references.Declare("authority", id, context.At(map.Node), context.Diagnostics);
        var name = map.Text("name", required: true);
        var department = map.Identifier("department");
        var level = map.Word<AuthorityLevel>("level", required: true);
        var region = map.String("region", required: true);
        var parent = map.Reference("parent", "authority", references, identifier: true);

        var windows = map.List("windows", w => ReadWindow(context, w, references));
        map.Finish();
        if (!declared || name is null || level is null || region is null)
        {
            return null;
        }

        return new Authority(id!, name, department, level.Value, region, parent, windows, context.At(map.Node));
    }

    private static Window? ReadWindow(FileContext context, YNode node, References references)
    {
        var map = context.Mapping(node, "window");
        if (map is null)
        {
            return null;
        }

        var id = map.Identifier("id", required: true);
        var declared = id is not null && references.Declare("window", id, context.At(map.Node), context.Diagnostics);
        var name = map.Text("name", required: true);
        var acceptsNode = map.Required("accepts");
        var acceptsAll = acceptsNode is YScalar { Value: "all" };
        var codes = new List<string>();
        if (acceptsNode is not null && !acceptsAll)
        {
            if (acceptsNode is YScalar)
            {
                context.Error(DiagnosticCodes.InvalidValue, acceptsNode, "'accepts' is either 'all' or a list of procedure codes.");
            }

            foreach (var item in context.Sequence(acceptsNode, "procedure codes"))
            {
                if (context.String(item, "procedure code") is { } code)
                {
                    codes.Add(code);
                    references.Expect("procedure", code, context.At(item));
                }
            }
        }

        map.Finish();
        if (!declared || name is null || acceptsNode is null)
        {
            return null;
        }

        return new Window(id!, name, acceptsAll, codes, context.At(map.Node));
    }

    /// <summary>Reports each authority whose parent chain comes back to itself.</summary>
    public static void CheckCycles(IReadOnlyList<Authority> authorities, DiagnosticBag diagnostics)
    {
        var byId = authorities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var authority in authorities)
        {
            var path = new List<string> { authority.Id };
            var current = authority;
            while (current.ParentId is { } parentId && byId.TryGetValue(parentId, out var parent))
            {
                if (parent.Id == authority.Id)
                {
                    diagnostics.Error(DiagnosticCodes.AuthorityCycle, authority.Location,
                        $"The authority tree loops: {string.Join(" → ", path)} → {authority.Id}. Fix one 'parent' so the chain ends at the top.");
                    break;
                }

                if (path.Contains(parent.Id))
                {
                    break; // a loop further up; it is reported at its own members
                }

                path.Add(parent.Id);
                current = parent;
            }
        }
    }
}
